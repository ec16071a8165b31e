import { render } from 'solid-js/web';
import { ClipperPanel } from '../../src/ui/ClipperPanel.js';
import '../../src/ui/styles.css';

render(() => <ClipperPanel />, document.getElementById('root')!);
