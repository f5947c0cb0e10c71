/**
 * GitLab's side of {@link dev.aap.forge.Forge}: issues, notes, merge requests and their threads over REST v4 with an
 * access token. Webhook parsing lives in {@code dev.aap.forge.webhook}, not here.
 */
package dev.aap.forge.gitlab;
