package dev.aap.cli;

import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;

import java.util.List;

/**
 * A scripted OpenAI-compatible server that fixes either bundled example the way a good model would, with the model
 * answering at once: run by {@code bin/bench-agent-overhead} to measure the agent's own time per step.
 */
public final class ScriptedExampleServer {

    private static final Reply SPEC = Reply.text("{\"acceptance_criteria\": [\"the failing tests pass\"]}");
    private static final Reply PLAN = Reply.text("{\"subtasks\": [\"find the bound\", \"fix it\"]}");
    private static final Reply CRITIC = Reply.text("{\"verdict\": \"approve\", \"notes\": []}");
    private static final Reply INTEGRATOR = Reply.text("{\"commit_message\": \"fix: correct the bound\"}");

    private ScriptedExampleServer() {
    }

    private static List<Reply> coder(boolean java) {
        String file = java ? "src/main/java/com/example/pager/Pager.java" : "pricing.py";
        String edit = java
                ? "\"locator\": {\"symbol\": \"hasNext\"}, \"patch\": \"    public boolean hasNext(int page, int"
                + " totalItems) {\\n        return page < pageCount(totalItems) - 1;\\n    }\""
                : "\"locator\": {\"line_range\": {\"start\": 10, \"end\": 10}}, \"patch\": \"    if quantity >= 10:\"";
        return List.of(
                call("search_code", java ? "{\"query\": \"hasNext next page\"}" : "{\"query\": \"bulk discount\"}"),
                call("find_symbol", java ? "{\"name\": \"Pager.hasNext\"}" : "{\"name\": \"bulk_discount\"}"),
                call("view_file", "{\"path\": \"" + file + "\"}"),
                call("list_dir", "{\"path\": \".\"}"),
                call("propose_edit", "{\"file_path\": \"" + file + "\", \"edit_type\": \"replace\", " + edit
                        + ", \"rationale_summary\": \"off by one\"}"),
                call("run_tests", "{}"),
                call("submit", "{\"summary\": \"fix the bound\"}"));
    }

    private static Reply call(String tool, String args) {
        return Reply.toolCalls(Reply.call(tool, args));
    }

    /** Prints the base URL, then serves until killed. */
    public static void main(String[] args) throws Exception {
        var server = ScriptedModelServer.openAi();
        server.otherwise(req -> {
            var messages = req.get("messages");
            String system = messages.get(0).path("content").asText();
            if (system.contains("Spec-Refiner")) {
                return SPEC;
            }
            if (system.contains("Planner")) {
                return PLAN;
            }
            if (system.contains("Critic")) {
                return CRITIC;
            }
            if (system.contains("Integrator")) {
                return INTEGRATOR;
            }
            int turns = 0;
            for (var m : messages) {
                turns += "assistant".equals(m.path("role").asText()) ? 1 : 0;
            }
            List<Reply> script = coder(messages.toString().contains("maven"));
            return script.get(Math.min(turns, script.size() - 1));
        });
        System.out.println(server.baseUrl());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
