/**
 * The Coder's tool loop: the agent loop itself, its guards (steps, tokens, cost, wall time, stuck, oversized edit)
 * and the trajectory file that records every request, response, tool call and observation as it happens.
 */
package dev.aap.agent.loop;
