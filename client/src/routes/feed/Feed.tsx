import type { Component } from 'solid-js';
import { ActivityFeed } from '../../components/ActivityFeed';

const Feed: Component = () => (
  <section class="page narrow-wide">
    <h1 id="feed-heading">Activity</h1>
    <ActivityFeed limit={50} headingId="feed-heading" />
  </section>
);

export default Feed;
