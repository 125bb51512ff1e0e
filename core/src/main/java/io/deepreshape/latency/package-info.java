/**
 * The PI latency model (DEEPRESHAPE.md section 7): a pure function of a network's accounting, a named
 * protocol profile (constants with their sources, shipped as resources or read from a user's file) and
 * a network setting; reports offline and online time split into linear and non-linear parts,
 * communication and client storage.
 */
package io.deepreshape.latency;
