/**
 * Model access for the agent: {@link dev.aap.agent.model.ModelSpec} parses {@code --model} and {@code --base-url},
 * {@link dev.aap.agent.model.Models#connect} builds a {@link dev.aap.agent.model.ModelGateway} over LangChain4j's
 * low-level {@code ChatModel} for OpenAI-compatible, Anthropic and Ollama servers, with our own retries, a fallback
 * chain and typed errors (a prompt too long for the context window is {@link
 * dev.aap.agent.model.ContextTooLongException}), each model's context window and the provider switches for
 * temperature, prompt caching, {@code num_ctx} and one tool call per turn. Prompts, tools, the agent loop and the
 * response cache live elsewhere.
 */
package dev.aap.agent.model;
