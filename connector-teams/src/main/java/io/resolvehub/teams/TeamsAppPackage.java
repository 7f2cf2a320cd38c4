package io.resolvehub.teams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Teams app package an admin uploads to Teams (Apps > Manage your apps > Upload an app): {@code manifest.json}
 * (schema v1.24, bot = {@code hub.teams.app-id}) and its two icons, zipped flat as Teams requires.
 *
 * @see <a href="https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package">Teams app package</a>
 */
final class TeamsAppPackage {

    static final String RESOURCE_DIR = "/teams-app/";
    static final String MANIFEST = "manifest.json";
    static final String[] ICONS = {"color.png", "outline.png"};
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String appId;
    private final String websiteUrl;

    /**
     * @param appId      the bot's Microsoft app id, a GUID (also the Teams app's id)
     * @param websiteUrl an https page about the hub; privacy and terms links are under it
     */
    TeamsAppPackage(String appId, String websiteUrl) {
        if (appId == null || !GUID.matcher(appId).matches()) {
            throw new IllegalArgumentException("hub.teams.app-id must be the bot's Microsoft app id (a GUID) to build the Teams app package; got " + appId);
        }
        if (websiteUrl == null || !websiteUrl.startsWith("https://")) {
            throw new IllegalArgumentException("hub.teams.app-website-url must be an https URL; got " + websiteUrl);
        }
        this.appId = appId;
        this.websiteUrl = websiteUrl.endsWith("/") ? websiteUrl.substring(0, websiteUrl.length() - 1) : websiteUrl;
    }

    /** The manifest with this hub's app id and links filled in. */
    String manifest() {
        return new String(resource(MANIFEST), StandardCharsets.UTF_8)
                .replace("${appId}", appId).replace("${websiteUrl}", websiteUrl);
    }

    /** The zip: manifest and icons at its root. */
    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, MANIFEST, manifest().getBytes(StandardCharsets.UTF_8));
            for (String icon : ICONS) {
                add(zip, icon, resource(icon));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] resource(String name) {
        try (InputStream in = TeamsAppPackage.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the Teams app package resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
