package org.wechselbar.frost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import de.fraunhofer.iosb.ilt.frostserver.path.UrlHelper;
import de.fraunhofer.iosb.ilt.frostserver.path.Version;
import de.fraunhofer.iosb.ilt.frostserver.service.PluginManager;
import de.fraunhofer.iosb.ilt.frostserver.service.PluginService;
import de.fraunhofer.iosb.ilt.frostserver.service.Service;
import de.fraunhofer.iosb.ilt.frostserver.service.ServiceRequest;
import de.fraunhofer.iosb.ilt.frostserver.service.ServiceRequestBuilder;
import de.fraunhofer.iosb.ilt.frostserver.service.ServiceResponseDefault;
import de.fraunhofer.iosb.ilt.frostserver.settings.CoreSettings;
import de.fraunhofer.iosb.ilt.frostserver.util.HttpMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Maps one HTTP exchange onto FROST-Server's service layer (part of the project's launcher, not of FROST).
 *
 * <p>{@code <context>/<version><path>?<query>}: the version (v1.0, v1.1) and the plugin that serves the
 * path come from FROST's {@code PluginManager}, which also names the request type for the method and
 * content type; FROST's {@code Service} executes the request. Status, headers and body of FROST's
 * response are sent unchanged; unknown versions or paths answer 404, unhandled methods 400.
 */
final class ServiceHandler implements HttpHandler {

    private final CoreSettings settings;
    private final String context;

    ServiceHandler(CoreSettings settings, String context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ServiceResponseDefault response = execute(exchange);
            send(exchange, response);
        } catch (RuntimeException exc) {
            exc.printStackTrace();
            send(exchange, new ServiceResponseDefault(500, String.valueOf(exc.getMessage())));
        }
    }

    private ServiceResponseDefault execute(HttpExchange exchange) throws IOException {
        String full = exchange.getRequestURI().getPath().substring(context.length());
        int slash = full.indexOf('/', 1);
        String versionPart = slash > 0 ? full.substring(1, slash) : full.replaceFirst("^/", "");
        String path = slash > 0 ? full.substring(slash) : "";
        PluginManager plugins = settings.getPluginManager();
        Version version = plugins.getVersion(versionPart);
        PluginService plugin = version == null ? null : plugins.getServiceForPath(version, path);
        if (plugin == null) {
            return new ServiceResponseDefault(404, "Not Found");
        }
        String method = exchange.getRequestMethod();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String requestType = plugin.getRequestTypeFor(version, path, HttpMethod.fromString(method), contentType);
        if (requestType == null) {
            return new ServiceResponseDefault(400, "Unhandled request: " + method + " " + path);
        }
        ServiceRequest request = new ServiceRequestBuilder(settings, version)
                .withRequestType(requestType)
                .withUrlPath(path)
                .withUrlQuery(decode(exchange.getRequestURI().getRawQuery()))
                .withParameterMap(UrlHelper.splitQuery(exchange.getRequestURI().getRawQuery()))
                .withContent(exchange.getRequestBody())
                .withContentType(contentType)
                .build();
        return run(request);
    }

    /** Decodes a raw query as FROST's servlet does ({@code +} is a space). */
    private static String decode(String rawQuery) {
        return rawQuery == null ? null : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
    }

    private ServiceResponseDefault run(ServiceRequest request) {
        ServiceResponseDefault response = new ServiceResponseDefault();
        ServiceRequest.LOCAL_REQUEST.set(request);
        try (Service service = new Service(settings)) {
            service.execute(request, response);
        } finally {
            ServiceRequest.LOCAL_REQUEST.remove();
        }
        return response;
    }

    private static void send(HttpExchange exchange, ServiceResponseDefault response) throws IOException {
        String body = response.getWriter().toString();
        if (body.isEmpty() && !response.isSuccessful() && response.getMessage() != null) {
            body = response.getMessage();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.getContentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.getContentType());
        }
        int code = response.getCode() == 0 ? 500 : response.getCode();
        boolean empty = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(code, empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
