// Options page entry: mounts the options view into #app.
import { render } from 'preact';
import '../components/theme.css';
import { Options } from './Options.tsx';
import { localizePage } from '../../shared/i18n.ts';

localizePage('optionsTitle');
render(<Options />, document.getElementById('app')!);
