/**
 * The agent's roles around the Coder's tool loop: Spec-Refiner and Planner before it, Tester inside it, Critic
 * and Integrator after it. Each role is one class; model-backed roles keep their prompt in a resource file
 * ({@code dev/aap/agent/role/<role>.md}).
 */
package dev.aap.agent.role;
