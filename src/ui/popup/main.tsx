// Popup entry: mounts the popup into #app.
import { render } from 'preact';
import '../components/theme.css';
import { Popup } from './Popup.tsx';

render(<Popup />, document.getElementById('app')!);
