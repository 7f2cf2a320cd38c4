package io.resolvehub.teams;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /teams/app-package.zip}: the Teams app package for this hub's bot, for the admin page to link. It holds
 * nothing secret (the app id is in every Teams client that installs the app).
 */
final class TeamsAppPackageServlet extends HttpServlet {

    static final String PATH = "/teams/app-package.zip";

    private final String appId;
    private final String websiteUrl;

    /** @param websiteUrl {@code hub.teams.app-website-url}; null to use the https URL the package is requested at */
    TeamsAppPackageServlet(String appId, String websiteUrl) {
        this.appId = appId;
        this.websiteUrl = websiteUrl;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String website = websiteUrl != null ? websiteUrl
                : request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 443 || request.getServerPort() <= 0 ? "" : ":" + request.getServerPort());
        byte[] zip;
        try {
            zip = new TeamsAppPackage(appId, website).zip();
        } catch (IllegalArgumentException e) {
            // Teams requires https links in the manifest: say which setting fixes it.
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The Teams app package cannot be built: " + e.getMessage()
                    + ". Set hub.teams.app-website-url to an https page about this hub, or download the package over https.");
            return;
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"resolvehub-teams-app.zip\"");
        response.setContentLength(zip.length);
        response.getOutputStream().write(zip);
    }
}
