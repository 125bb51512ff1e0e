/** Options and helpers shared by the commands: network selection, profiles, table and JSON output. */
package io.deepreshape.cli.common;
