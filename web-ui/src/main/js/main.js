import 'uplot/dist/uPlot.min.css';
import './app.css';
import { render } from 'preact';
import { Console } from './console.js';
import { html } from './html.js';

render(html`<${Console} />`, document.getElementById('console'));
