// First-run page entry (opened once, on install, by the worker): mounts the welcome view into #app.
import { render } from 'preact';
import '../components/theme.css';
import { Welcome } from './Welcome.tsx';
import { localizePage } from '../../shared/i18n.ts';

localizePage('welcomeTitle');
render(<Welcome />, document.getElementById('app')!);
