/** The {@code llm} brain: a tool-calling agent over OpenAI-compatible, Anthropic and Ollama models. */
package dev.aap.agent;
