import type { ExtraQuestion } from '@contracts/meldingen';

// The taxonomy a new organisation starts with, after the categories Dutch municipalities commonly use
// (Signalen's and Fixi's main groups). A beheerder changes it to fit; termijnen are typical, not legal.
export interface DefaultCategory {
  code: string;
  publicName: string;
  icon: string;
  departments: string[];
  termijnDays: number;
  termijnKind: 'werkdagen' | 'kalenderdagen';
  servicePromise: string;
  extraQuestions?: ExtraQuestion[];
  children?: Omit<DefaultCategory, 'icon' | 'children'>[];
}

const promise = (days: number, kind: string) => `We pakken uw melding binnen ${days} ${kind} op. U hoort van ons als er iets verandert.`;

export const DEFAULT_CATEGORIES: DefaultCategory[] = [
  {
    code: 'afval',
    publicName: 'Afval',
    icon: 'afval',
    departments: ['Afval en reiniging'],
    termijnDays: 3,
    termijnKind: 'werkdagen',
    servicePromise: promise(3, 'werkdagen'),
    children: [
      {
        code: 'afval-dumping',
        publicName: 'Gedumpt afval of grofvuil',
        departments: ['Afval en reiniging'],
        termijnDays: 3,
        termijnKind: 'werkdagen',
        servicePromise: promise(3, 'werkdagen'),
      },
      {
        code: 'afval-container',
        publicName: 'Container vol of kapot',
        departments: ['Afval en reiniging'],
        termijnDays: 2,
        termijnKind: 'werkdagen',
        servicePromise: promise(2, 'werkdagen'),
      },
      {
        code: 'afval-zwerfafval',
        publicName: 'Zwerfafval of volle afvalbak',
        departments: ['Afval en reiniging'],
        termijnDays: 5,
        termijnKind: 'werkdagen',
        servicePromise: promise(5, 'werkdagen'),
      },
    ],
  },
  {
    code: 'groen-water',
    publicName: 'Openbaar groen en water',
    icon: 'groen',
    departments: ['Groen'],
    termijnDays: 10,
    termijnKind: 'werkdagen',
    servicePromise: promise(10, 'werkdagen'),
    children: [
      {
        code: 'groen-boom',
        publicName: 'Boom of tak (gevaarlijk, afgebroken)',
        departments: ['Groen'],
        termijnDays: 2,
        termijnKind: 'werkdagen',
        servicePromise: promise(2, 'werkdagen'),
      },
      {
        code: 'groen-onderhoud',
        publicName: 'Onkruid, gras of beplanting',
        departments: ['Groen'],
        termijnDays: 15,
        termijnKind: 'werkdagen',
        servicePromise: promise(15, 'werkdagen'),
      },
      {
        code: 'groen-water',
        publicName: 'Sloot, vijver of oever',
        departments: ['Water'],
        termijnDays: 10,
        termijnKind: 'werkdagen',
        servicePromise: promise(10, 'werkdagen'),
      },
      {
        code: 'groen-speelplek',
        publicName: 'Speeltoestel kapot',
        departments: ['Groen'],
        termijnDays: 3,
        termijnKind: 'werkdagen',
        servicePromise: 'Een kapot speeltoestel zetten we binnen 3 werkdagen af of maken we.',
      },
    ],
  },
  {
    code: 'wegen',
    publicName: 'Wegen, verkeer en straatmeubilair',
    icon: 'weg',
    departments: ['Wegen'],
    termijnDays: 10,
    termijnKind: 'werkdagen',
    servicePromise: promise(10, 'werkdagen'),
    children: [
      {
        code: 'wegen-bestrating',
        publicName: 'Losliggende tegel of gat in de weg',
        departments: ['Wegen'],
        termijnDays: 5,
        termijnKind: 'werkdagen',
        servicePromise: promise(5, 'werkdagen'),
      },
      {
        code: 'wegen-verkeersbord',
        publicName: 'Verkeersbord of verkeerslicht',
        departments: ['Verkeer'],
        termijnDays: 2,
        termijnKind: 'werkdagen',
        servicePromise: promise(2, 'werkdagen'),
      },
      {
        code: 'wegen-straatmeubilair',
        publicName: 'Bankje, paal of hek',
        departments: ['Wegen'],
        termijnDays: 15,
        termijnKind: 'werkdagen',
        servicePromise: promise(15, 'werkdagen'),
      },
    ],
  },
  {
    code: 'verlichting',
    publicName: 'Verlichting',
    icon: 'lamp',
    departments: ['Openbare verlichting'],
    termijnDays: 10,
    termijnKind: 'werkdagen',
    servicePromise: promise(10, 'werkdagen'),
    children: [
      {
        code: 'verlichting-lantaarnpaal',
        publicName: 'Lantaarnpaal kapot',
        departments: ['Openbare verlichting'],
        termijnDays: 10,
        termijnKind: 'werkdagen',
        servicePromise: promise(10, 'werkdagen'),
        extraQuestions: [{ key: 'paalnummer', label: 'Nummer van de lantaarnpaal (staat op een plaatje op de paal)', type: 'text', required: false }],
      },
    ],
  },
  {
    code: 'overlast',
    publicName: 'Overlast',
    icon: 'overlast',
    departments: ['Handhaving'],
    termijnDays: 5,
    termijnKind: 'werkdagen',
    servicePromise: promise(5, 'werkdagen'),
    children: [
      {
        code: 'overlast-parkeren',
        publicName: 'Fout geparkeerd of weesfiets',
        departments: ['Handhaving'],
        termijnDays: 5,
        termijnKind: 'werkdagen',
        servicePromise: promise(5, 'werkdagen'),
      },
      {
        code: 'overlast-graffiti',
        publicName: 'Graffiti of bekladding',
        departments: ['Wegen'],
        termijnDays: 10,
        termijnKind: 'werkdagen',
        servicePromise: promise(10, 'werkdagen'),
      },
      {
        code: 'overlast-geluid',
        publicName: 'Geluid of stank',
        departments: ['Handhaving'],
        termijnDays: 5,
        termijnKind: 'werkdagen',
        servicePromise: promise(5, 'werkdagen'),
        extraQuestions: [
          {
            key: 'wanneer',
            label: 'Wanneer is er overlast?',
            type: 'choice',
            required: true,
            choices: ['Nu', 'Vaker, overdag', 'Vaker, ’s avonds of ’s nachts'],
          },
        ],
      },
    ],
  },
  {
    code: 'dieren',
    publicName: 'Dieren',
    icon: 'dier',
    departments: ['Afval en reiniging'],
    termijnDays: 2,
    termijnKind: 'werkdagen',
    servicePromise: promise(2, 'werkdagen'),
    children: [
      {
        code: 'dieren-dood',
        publicName: 'Dood dier',
        departments: ['Afval en reiniging'],
        termijnDays: 1,
        termijnKind: 'werkdagen',
        servicePromise: 'Een dood dier halen we binnen 1 werkdag weg.',
      },
      {
        code: 'dieren-ongedierte',
        publicName: 'Ratten of ander ongedierte',
        departments: ['Handhaving'],
        termijnDays: 5,
        termijnKind: 'werkdagen',
        servicePromise: promise(5, 'werkdagen'),
      },
      {
        code: 'dieren-hondenpoep',
        publicName: 'Hondenpoep',
        departments: ['Afval en reiniging'],
        termijnDays: 10,
        termijnKind: 'werkdagen',
        servicePromise: promise(10, 'werkdagen'),
      },
    ],
  },
  {
    code: 'overig',
    publicName: 'Iets anders',
    icon: 'overig',
    departments: ['KCC'],
    termijnDays: 10,
    termijnKind: 'werkdagen',
    servicePromise: promise(10, 'werkdagen'),
  },
];
