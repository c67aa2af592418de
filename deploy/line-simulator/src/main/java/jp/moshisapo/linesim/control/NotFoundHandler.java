package jp.moshisapo.linesim.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jp.moshisapo.linesim.http.HttpIo;

import java.io.IOException;
import java.util.Map;

/** Everything outside /v2/ and /sim/: 404 with a JSON body, pointing at the control page. */
public final class NotFoundHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = HttpIo.toJson(Problem.notFound("No such path; the simulator's page is /sim/").toJson());
        HttpIo.send(exchange, 404, HttpIo.PROBLEM_JSON, body, Map.of());
    }
}
