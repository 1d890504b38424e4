package org.wechselbar.frost;

import com.sun.net.httpserver.HttpServer;
import de.fraunhofer.iosb.ilt.frostserver.messagebus.MessageBusFactory;
import de.fraunhofer.iosb.ilt.frostserver.mqtt.MqttManager;
import de.fraunhofer.iosb.ilt.frostserver.persistence.PersistenceManagerFactory;
import de.fraunhofer.iosb.ilt.frostserver.settings.CoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Executors;

/**
 * The project's test launcher around FROST-Server's service layer. It is not part of FROST-Server.
 *
 * <p>FROST-Server publishes its core, persistence and plugins to Maven Central, but not its servlet
 * module (FROST-Server.HTTP, FROST-Server.HTTP.Common). This launcher reads FROST's settings from a
 * properties file, lets FROST create its database (Liquibase, {@code persistence.autoUpdateDatabase})
 * and serves FROST's {@code Service} with the JDK's own HTTP server on 127.0.0.1. The mapping of one
 * HTTP exchange to a {@code ServiceRequest} is in {@link ServiceHandler}.
 *
 * <p>With {@code mqtt.Enabled=true} FROST's own MQTT manager starts as FROST's stand-alone MQTT server does
 * it (and listens to the message bus for changed entities), with the broker named by
 * {@code mqtt.mqttServerImplementationClass} (Moquette, FROST-Server.MQTT.Moquette).
 *
 * <p>Usage: {@code java -cp ... org.wechselbar.frost.Launcher SETTINGS.properties}; the properties
 * {@code launcher.port} and {@code launcher.context} (default {@code /FROST-Server}) choose where it listens.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Starts FROST's service; runs until the process is stopped. */
    public static void main(String[] args) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        int port = Integer.parseInt(properties.getProperty("launcher.port"));
        String context = properties.getProperty("launcher.context", "/FROST-Server");
        CoreSettings settings = new CoreSettings(properties);
        PersistenceManagerFactory.init(settings);
        MessageBusFactory.createMessageBus(settings);
        if (settings.getMqttSettings().isEnableMqtt()) {
            settings.getMessageBus().addMessageListener(new MqttManager(settings));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(context, new ServiceHandler(settings, context));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("FROST-Server service listening on http://127.0.0.1:" + port + context);
    }
}
