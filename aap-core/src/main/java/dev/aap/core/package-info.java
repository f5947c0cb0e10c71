/**
 * The project's error roots. Domain types live in the capability packages below this one.
 */
package dev.aap.core;
