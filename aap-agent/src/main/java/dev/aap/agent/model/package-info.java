/**
 * Model access for the agent: {@link dev.aap.agent.model.ModelSpec} parses {@code --model} and {@code --base-url},
 * {@link dev.aap.agent.model.Models#connect} builds a {@link dev.aap.agent.model.ModelGateway} over LangChain4j's
 * low-level {@code ChatModel} for OpenAI-compatible, Anthropic and Ollama servers, with our own retries, a fallback
 * chain and typed errors. Prompts, tools, the agent loop and the response cache live elsewhere.
 */
package dev.aap.agent.model;
