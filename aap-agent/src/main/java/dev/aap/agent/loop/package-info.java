/**
 * The Coder's tool loop: the agent loop itself, its guards (steps, tokens, cost, wall time, stuck, oversized edit),
 * the condenser that keeps each request within the model's context window (with a tokenizer-free token estimate
 * calibrated by the provider's counts), and the trajectory file that records every request, response, tool call and
 * observation as it happens.
 */
package dev.aap.agent.loop;
