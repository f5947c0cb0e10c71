package dev.aap.cli;

import dev.aap.agent.model.Reply;

/** Scripted model conversations for the bundled examples, as a good model would hold them. */
final class AgentScripts {

    private AgentScripts() {
    }

    static Reply spec() {
        return Reply.text("{\"acceptance_criteria\": [\"an order line of exactly 10 units gets the 5% discount\"],"
                + " \"open_questions\": []}");
    }

    static Reply plan() {
        return Reply.text("```json\n{\"subtasks\": [\"look at bulk_discount in pricing.py\","
                + " \"make the 10-unit bound inclusive\"]}\n```");
    }

    static Reply view() {
        return Reply.toolCalls(Reply.call("view_file", "{\"path\": \"pricing.py\"}"));
    }

    static Reply edit() {
        return Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"pricing.py\", \"edit_type\": \"replace\","
                + " \"locator\": {\"line_range\": {\"start\": 10, \"end\": 10}}, \"patch\": \"    if quantity >= 10:\","
                + " \"rationale_summary\": \"the 5% tier starts at 10 units\"}"));
    }

    static Reply runTests() {
        return Reply.toolCalls(Reply.call("run_tests", "{}"));
    }

    static Reply submit() {
        return Reply.toolCalls(Reply.call("submit", "{\"summary\": \"give the 5% discount from 10 units\"}"));
    }

    static Reply critic() {
        return Reply.text("{\"verdict\": \"approve\", \"notes\": [\"the bound now matches the docstring\"]}");
    }

    static Reply integrator() {
        return Reply.text("{\"commit_message\": \"fix(pricing): give the 5% discount from 10 units\\n\\nThe docstring"
                + " says 5% from 10 units; the code started at 11.\", \"sections\": {\"Purpose\": \"Orders of"
                + " exactly 10 units missed the bulk discount.\"}}");
    }

    /** Spec, plan, view, edit, test, submit, critic, integrator: eight model calls. */
    static Reply[] fullFix() {
        return new Reply[] {spec(), plan(), view(), edit(), runTests(), submit(), critic(), integrator()};
    }
}
