/**
 * The one exception type for a user's mistake (a bad file, field, option or value): every check of
 * input throws it or a subclass, and the command line reports it as one line with exit code 2. Any
 * other exception is an internal error.
 */
package io.deepreshape.error;
