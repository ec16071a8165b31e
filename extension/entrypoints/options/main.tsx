import { render } from 'solid-js/web';
import { OptionsPage } from '../../src/ui/OptionsPage.js';
import '../../src/ui/styles.css';

render(() => <OptionsPage />, document.getElementById('root')!);
