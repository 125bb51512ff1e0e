package io.deepreshape.train.checkpoint;

import io.deepreshape.io.AtomicFiles;
import io.deepreshape.train.checkpoint.CheckpointState;
import io.deepreshape.train.checkpoint.RunFileJson;
import io.deepreshape.train.optim.SgdOptimizer;
import io.deepreshape.train.trainer.ModelHandle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Binary checkpoint layout: magic {@code DRCKPT}, format version, JSON {@link CheckpointState},
 * model parameters (DJL block format, length-prefixed), optimizer momentum buffers
 * (length-prefixed) and a CRC32 of everything before it. Written through {@link AtomicFiles}.
 */
public final class CheckpointFile {
  private static final String MAGIC = "DRCKPT";
  private static final int VERSION = 1;

  /** The sections of a checkpoint read back from disk. */
  public record Contents(CheckpointState state, byte[] modelParameters, byte[] optimizerState) {}

  private CheckpointFile() {}

  /** Writes a checkpoint of {@code model} and {@code optimizer} at {@code state} atomically. */
  public static void write(
      Path file, CheckpointState state, ModelHandle model, SgdOptimizer optimizer)
      throws IOException {
    ByteArrayOutputStream params = new ByteArrayOutputStream();
    model.saveParameters(params);
    ByteArrayOutputStream opt = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(opt)) {
      optimizer.save(data);
    }
    byte[] header = RunFileJson.MAPPER.writeValueAsBytes(state);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(body)) {
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
      writeSection(out, header);
      writeSection(out, params.toByteArray());
      writeSection(out, opt.toByteArray());
    }
    byte[] bytes = body.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    AtomicFiles.write(file, out -> {
      out.write(bytes);
      new DataOutputStream(out).writeLong(crc.getValue());
    });
  }

  /** Reads and verifies a checkpoint; errors name the file and the damaged part. */
  public static Contents read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < Long.BYTES) {
      throw new IOException("checkpoint " + file + " is truncated (" + all.length + " bytes)");
    }
    int bodyLength = all.length - Long.BYTES;
    CRC32 crc = new CRC32();
    crc.update(all, 0, bodyLength);
    long stored = 0;
    for (int i = bodyLength; i < all.length; i++) {
      stored = (stored << 8) | (all[i] & 0xFF);
    }
    if (stored != crc.getValue()) {
      throw new IOException("checkpoint " + file + " is corrupt (checksum mismatch)");
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(all, 0, bodyLength))) {
      String magic = in.readUTF();
      if (!MAGIC.equals(magic)) {
        throw new IOException(file + " is not a deepreshape checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + " has unsupported checkpoint version " + version);
      }
      CheckpointState state = RunFileJson.MAPPER.readValue(readSection(in, file), CheckpointState.class);
      byte[] params = readSection(in, file);
      byte[] opt = readSection(in, file);
      return new Contents(state, params, opt);
    } catch (EOFException e) {
      throw new IOException("checkpoint " + file + " is truncated", e);
    }
  }

  private static void writeSection(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readSection(DataInputStream in, Path file) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("checkpoint " + file + " has a negative section length");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new IOException("checkpoint " + file + " is truncated");
    }
    return bytes;
  }
}
