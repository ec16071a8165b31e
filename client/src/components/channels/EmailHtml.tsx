import type { Component } from 'solid-js';

/**
 * An email's HTML, already sanitised by the server, shown in a sandboxed frame as a second line of defence:
 * no scripts, no same-origin access, no forms, nothing loaded from elsewhere (a srcdoc frame also keeps the
 * page's own Content Security Policy); links open outside.
 */
export const EmailHtml: Component<{ html: string; title: string }> = (props) => (
  <iframe
    class="email-html"
    title={props.title}
    sandbox="allow-popups allow-popups-to-escape-sandbox"
    referrerPolicy="no-referrer"
    srcdoc={`<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><base target="_blank"><body>${props.html}</body>`}
  />
);
