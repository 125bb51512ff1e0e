/** File helpers shared by every module: atomic writes (temp file, force, rename), so nothing a user made is half-written. */
package io.deepreshape.io;
