/** The forge side: webhooks from GitHub and GitLab turned into work, and (next) pull requests out. */
package dev.aap.forge;
