/** Token counts and cost: the price table and the meter that adds up a run's model calls. */
package dev.aap.agent.usage;
