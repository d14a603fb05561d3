import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Starts mongo-java-server (a MongoDB wire-protocol server) for local development and tests.
 * Usage: MongoLauncher [--host 127.0.0.1] [--port 27017] [--h2-file <path>]   (no file: in-memory backend)
 */
public final class MongoLauncher {
  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 27017;
    String h2File = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--host": host = value; i++; break;
        case "--port": port = Integer.parseInt(value); i++; break;
        case "--h2-file": h2File = value; i++; break;
        default:
          System.err.println("unknown argument: " + args[i]);
          System.exit(2);
      }
    }
    MongoBackend backend = h2File == null ? new MemoryBackend() : new H2Backend(h2File);
    MongoServer server = new MongoServer(backend);
    // The oplog is what change streams (watch()) read.
    server.enableOplog();
    // A clean stop closes the H2 store; a SIGKILL can lose the last acknowledged writes.
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
    server.bind(host, port);
    System.out.println("mongo-java-server listening on " + host + ":" + port
        + (h2File == null ? " (memory backend)" : " (H2 file " + h2File + ")"));
    Thread.currentThread().join();
  }
}
