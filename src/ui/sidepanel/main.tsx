// Side panel entry (Chrome side_panel, Firefox sidebar_action): mounts the related-work view into #app.
import { render } from 'preact';
import '../components/theme.css';
import { SidePanel } from './SidePanel.tsx';
import { localizePage } from '../../shared/i18n.ts';

localizePage('panelPageTitle');
render(<SidePanel />, document.getElementById('app')!);
