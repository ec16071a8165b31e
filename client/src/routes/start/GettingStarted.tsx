import type { Component } from 'solid-js';
import { FirstRunPaths, FirstStepsChecklist } from '../../components/FirstRun';
import { useSession } from '../../lib/session';

/** The first-run page: three ways in and the first-steps checklist. The navigation links here for good. */
const GettingStarted: Component = () => {
  const session = useSession();
  return (
    <section class="page start-page">
      <h1>Welcome to {session.workspace()?.name ?? 'Kith'}</h1>
      <p class="muted">Start with your own data, try Kith on sample data, or bring your team in.</p>
      <FirstRunPaths />
      <FirstStepsChecklist />
    </section>
  );
};

export default GettingStarted;
