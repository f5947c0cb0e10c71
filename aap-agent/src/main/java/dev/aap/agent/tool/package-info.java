/**
 * The Coder's tools, each declared once (name, description, typed arguments) with output written for the model
 * to act on: list_dir, view_file, search_code, find_symbol, propose_edit, run_tests, submit.
 */
package dev.aap.agent.tool;
