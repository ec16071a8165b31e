import { A } from '@solidjs/router';
import type { ParentComponent } from 'solid-js';

export const SettingsFrame: ParentComponent<{ title: string }> = (props) => (
  <section class="page settings-page">
    <h1>Settings</h1>
    <nav aria-label="Settings" class="subnav">
      <A href="/settings" end activeClass="active">
        Profile
      </A>
      <A href="/settings/preferences" activeClass="active">
        Preferences
      </A>
      <A href="/settings/members" activeClass="active">
        Members
      </A>
    </nav>
    <h2>{props.title}</h2>
    {props.children}
  </section>
);
