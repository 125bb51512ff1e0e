package io.deepreshape.cli.pi;

import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.protocol.ClientSession;
import io.deepreshape.pi.protocol.PreparedFolder;
import io.deepreshape.spec.SpecIo;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The client's options of {@code pi infer} and {@code pi prepare}: the server, how long to wait for it,
 * the network shape to insist on and the folder of prepared sessions.
 */
final class ClientOptions {
  @Option(names = "--connect", required = true, paramLabel = "HOST:PORT", description = "The server.")
  String connect;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "Seconds to wait for a silent server, also while queued behind other clients "
          + "(default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.deepreshape/prepared",
      description = "Folder of prepared sessions (default: ~/.deepreshape/prepared).")
  Path dir;

  @ArgGroup(exclusive = true, heading = "The network to insist on (at most one; the server refuses another):%n")
  Expected expected;

  /** A network shape the client insists on. */
  static final class Expected {
    @Option(names = "--spec", paramLabel = "FILE", description = "This spec file's network shape.")
    Path spec;

    @Option(names = "--onnx", paramLabel = "FILE",
        description = "This imported ONNX model's network shape (its weights are not used).")
    Path onnx;

    NetworkGraph graph() {
      return onnx != null ? OnnxImport.read(onnx).graph() : NetworkGraph.of(SpecIo.read(spec));
    }
  }

  HostPort server() {
    return HostPort.parse(connect);
  }

  ChannelConfig channel() {
    return new ChannelConfig(ChannelConfig.DEFAULT_MAX_MESSAGE_BYTES, Seconds.millis("--timeout", timeout));
  }

  /** A client session that insists on the expected shape, if one was given. */
  ClientSession session() {
    return ClientSession.expecting(expected == null ? null : expected.graph());
  }

  /** The prepared sessions kept for this server. */
  PreparedFolder folder() {
    return new PreparedFolder(dir, connect);
  }
}
