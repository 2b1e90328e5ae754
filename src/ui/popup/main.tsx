// Popup entry: mounts the popup into #app.
import { render } from 'preact';
import '../components/theme.css';
import './popup.css';
import { Popup } from './Popup.tsx';
import { localizePage } from '../../shared/i18n.ts';

localizePage('popupTitle');
render(<Popup />, document.getElementById('app')!);
