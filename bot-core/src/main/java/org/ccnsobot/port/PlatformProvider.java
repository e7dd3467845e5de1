package org.ccnsobot.port;

/**
 * Service-provider interface: one implementation per adapter module, listed in
 * {@code META-INF/services/org.ccnsobot.port.PlatformProvider}. The config section named {@link #id()} switches
 * the platform on; a third platform is one more module with one more provider, with no change to core.
 */
public interface PlatformProvider {

    /** The config section's name and the platform id. */
    String id();

    /**
     * Checks the platform's config section without connecting. Returns nothing when it is valid; throws naming the
     * key (as {@code id.key}) otherwise. Values written {@code ${NAME}} have been replaced from the environment.
     */
    void validate(PlatformSettings section) throws PlatformConfigException;

    /** Builds the platform from a valid section. Connecting happens in {@link ChatPlatform#start}. */
    ChatPlatform create(PlatformSettings section, PlatformContext context) throws PlatformConfigException;
}
