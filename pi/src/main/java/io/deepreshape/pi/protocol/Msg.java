package io.deepreshape.pi.protocol;

/** Message types of the inference protocol (the OT layer uses 0x20-0x2f). */
final class Msg {
  static final byte ERROR = 0x40;
  static final byte INFO = 0x41;
  static final byte HELLO = 0x42;
  static final byte READY = 0x43;
  static final byte HE_INPUT = 0x44;
  static final byte HE_OUTPUT = 0x45;
  static final byte GC_TABLES = 0x46;
  /** The seed of the active labels of the server's mask {@code u} ({@link MaskSeed}). */
  static final byte GC_MASK_SEED = 0x47;
  static final byte GC_DECODE = 0x48;
  static final byte MASKED_INPUT = 0x49;
  static final byte GC_INPUT_LABELS = 0x4a;
  static final byte MASKED_OUTPUT = 0x4b;
  static final byte LOGIT_SHARE = 0x4c;
  static final byte HE_PUBLIC_KEY = 0x4d;
  /** The client's choice after READY: a whole inference, a prepare, or a prepared session's online phase ({@link Mode}). */
  static final byte MODE = 0x4e;
  /** The server's id of a stored prepared session, after its offline phase. */
  static final byte PREPARED = 0x4f;
  /** The server's answer to a prepared session id: held, or gone and why ({@link Mode#status}). */
  static final byte SESSION = 0x51;
  /** The server turns a connection away (one line of text): too many clients, try again. */
  static final byte BUSY = 0x50;

  private Msg() {}
}
