import { PanelPlugin } from '@grafana/data';
import { FlameGraphPanel } from './FlameGraphPanel';
import { defaultOptions, FlameGraphOptions } from './types';

export const plugin = new PanelPlugin<FlameGraphOptions>(FlameGraphPanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'mode',
      name: 'Mode',
      description: 'Flame: root at the bottom. Icicle: root on top.',
      defaultValue: defaultOptions.mode,
      settings: {
        options: [
          { value: 'flame', label: 'Flame' },
          { value: 'icicle', label: 'Icicle' },
        ],
      },
    })
    .addSelect({
      path: 'colorScheme',
      name: 'Colour scheme',
      description: 'Auto uses diff colours for a diff query and package colours otherwise.',
      defaultValue: defaultOptions.colorScheme,
      settings: {
        options: [
          { value: 'auto', label: 'Auto' },
          { value: 'package', label: 'By package' },
          { value: 'self', label: 'By self share' },
          { value: 'diff', label: 'Diff (grew / shrank)' },
        ],
      },
    })
    .addBooleanSwitch({
      path: 'colorBlind',
      name: 'Colour-blind diff palette',
      description: 'Orange for grew and blue for shrank, instead of red and green.',
      defaultValue: defaultOptions.colorBlind,
    })
    .addNumberInput({
      path: 'minFrameWidth',
      name: 'Min frame width (px)',
      description: 'Narrower frames are left out, as a grey gap that keeps their place and samples (1 px at least).',
      defaultValue: defaultOptions.minFrameWidth,
      settings: { min: 1, max: 50, step: 0.5 },
    })
    .addRadio({
      path: 'showTable',
      name: 'Top functions table',
      defaultValue: defaultOptions.showTable,
      settings: {
        options: [
          { value: 'off', label: 'Off' },
          { value: 'beside', label: 'Beside' },
          { value: 'only', label: 'Only' },
        ],
      },
    })
    .addSliderInput({
      path: 'textSize',
      name: 'Text size',
      defaultValue: defaultOptions.textSize,
      settings: { min: 8, max: 24, step: 1 },
    })
);
