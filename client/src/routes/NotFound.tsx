import { A } from '@solidjs/router';
import type { Component } from 'solid-js';

const NotFound: Component = () => (
  <section class="page narrow">
    <h1>Page not found</h1>
    <p>
      There is nothing at this address. <A href="/contacts">Go to contacts</A>.
    </p>
  </section>
);

export default NotFound;
