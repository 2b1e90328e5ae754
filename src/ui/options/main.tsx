// Options page entry: mounts the options view into #app.
import { render } from 'preact';
import '../components/theme.css';
import { Options } from './Options.tsx';

render(<Options />, document.getElementById('app')!);
