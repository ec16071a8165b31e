import { render } from 'solid-js/web';
import { App } from './App';
import { applyStoredDisplay } from './lib/theme';
import './styles.css';

applyStoredDisplay();
render(() => <App />, document.getElementById('root')!);
