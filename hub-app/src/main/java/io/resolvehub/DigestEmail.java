package io.resolvehub;

import io.resolvehub.core.channel.Report;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** The digest as a small HTML email: every text escaped, inline styles only (mail clients drop style sheets). */
final class DigestEmail {

    private DigestEmail() {
    }

    static String html(Report digest) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;"
                + "color:#1f2933;max-width:640px\">");
        html.append("<h2 style=\"margin-bottom:4px\">").append(htmlEscape(digest.title())).append("</h2>");
        html.append("<p>").append(htmlEscape(digest.summary())).append("</p>");
        for (Report.Section section : digest.sections()) {
            html.append("<h3 style=\"margin:18px 0 6px\">").append(htmlEscape(section.heading())).append("</h3>");
            if (!section.facts().isEmpty()) {
                html.append("<table style=\"border-collapse:collapse\">");
                section.facts().forEach(f -> html.append("<tr><td style=\"padding:2px 16px 2px 0;color:#52606d\">")
                        .append(htmlEscape(f.name())).append("</td><td><b>").append(htmlEscape(f.value()))
                        .append("</b></td></tr>"));
                html.append("</table>");
            }
            if (!section.lines().isEmpty()) {
                html.append("<ul>");
                section.lines().forEach(line -> html.append("<li>").append(htmlEscape(line)).append("</li>"));
                html.append("</ul>");
            }
        }
        return html.append("</body></html>").toString();
    }
}
