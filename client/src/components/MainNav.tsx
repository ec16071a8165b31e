import { A } from '@solidjs/router';
import Activity from 'lucide-solid/icons/activity';
import Building from 'lucide-solid/icons/building';
import ClipboardList from 'lucide-solid/icons/clipboard-list';
import Copy from 'lucide-solid/icons/copy';
import HandCoins from 'lucide-solid/icons/hand-coins';
import ListTodo from 'lucide-solid/icons/list-todo';
import Rocket from 'lucide-solid/icons/rocket';
import Settings from 'lucide-solid/icons/settings';
import SquareKanban from 'lucide-solid/icons/square-kanban';
import Users from 'lucide-solid/icons/users';
import { For, type Component, type JSX } from 'solid-js';
import { createNavViews, NavViews } from './views/NavViews';

// Icons are imported one file each, so the bundle carries only these (about 0.3 KB gzipped apiece).
const NAV: [string, string, () => JSX.Element][] = [
  ['/start', 'Get started', () => <Rocket />],
  ['/contacts', 'Contacts', () => <Users />],
  ['/companies', 'Companies', () => <Building />],
  ['/deals', 'Deals', () => <HandCoins />],
  ['/deals/board', 'Board', () => <SquareKanban />],
  ['/activities', 'Activities', () => <ListTodo />],
  ['/feed', 'Feed', () => <Activity />],
  ['/forms', 'Forms', () => <ClipboardList />],
  ['/duplicates', 'Duplicates', () => <Copy />],
  ['/settings', 'Settings', () => <Settings />],
];

/** The side navigation; at phone width it folds into the drawer the shell's Menu button opens. */
export const MainNav: Component<{ open: boolean }> = (props) => {
  const views = createNavViews();
  return (
    <nav id="main-nav" aria-label="Main" classList={{ open: props.open }}>
      <For each={NAV}>
        {([href, label, icon]) => (
          <>
            <A href={href} end={href !== '/settings'} activeClass="active">
              {icon()}
              <span>{label}</span>
            </A>
            {href === '/contacts' || href === '/companies' || href === '/deals' ? <NavViews href={href} views={views(href.slice(1) as 'contacts')} /> : null}
          </>
        )}
      </For>
    </nav>
  );
};
