package io.deepreshape.cli.pi;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.protocol.PeerBusyException;
import io.deepreshape.pi.protocol.PreparedFolder;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pi prepare}: runs offline phases ahead of time against a server and keeps the client's
 * half of each under {@code --dir}, for {@code pi infer --prepared}. Each session is written aside
 * and marked complete last, so an interrupted prepare leaves nothing that could be used.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
    description = {"Run offline phases ahead of time against a 'pi serve' server and store the client's half of"
        + " each (masks, decrypted HE shares, garbled circuits, OT outputs) for 'pi infer --prepared'.",
        "The server keeps its half in memory, within its --prepared-max and --prepared-ttl; each session is used once."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every session was prepared and stored",
        "2:bad input, or the connection or the server failed (sessions stored before stay usable)",
        "75:the server is busy: try again later"})
public final class PiPrepareCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  ClientOptions client;

  @Option(names = "--count", defaultValue = "1", description = "Offline phases to run (default: ${DEFAULT-VALUE}).")
  int count;


  @Override
  public Integer call() {
    if (count < 1) {
      throw new UserException("--count must be at least 1, got " + count);
    }
    HostPort server = client.server();
    ChannelConfig config = client.channel();
    PreparedFolder folder = client.folder();
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 1; i <= count; i++) {
      long t0 = System.nanoTime();
      String id;
      try (TcpChannel ch = TcpChannel.connect(server.host(), server.port(), config)) {
        id = client.session().prepare(ch, folder);
      } catch (PeerBusyException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + e.getMessage());
        err.flush();
        return PiInferCommand.BUSY;
      } catch (ChannelException e) {
        throw new UserException("session " + i + " of " + count + ": " + e.getMessage(), e);
      }
      out.printf(Locale.ROOT, "prepared %d/%d: session %s in %.1f s%n", i, count, id,
          (System.nanoTime() - t0) / 1e9);
      out.flush();
    }
    return ExitCodes.OK;
  }
}
