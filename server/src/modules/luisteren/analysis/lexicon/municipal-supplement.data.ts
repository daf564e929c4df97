// Hand-written words and short phrases for what residents write to and about a municipality. Pattern NL
// knows only adjectives; complaints and praise here are mostly nouns, verbs and fixed phrases ("al weken",
// "wordt niks aan gedaan", "pluim"). Entries override Pattern NL, which is also how its context-wrong
// senses are neutralised: "naar" is a preposition here far more often than the adjective "nasty".
// Written per polarity, accent-free and lowercase (the lookup folds posts the same way); a phrase is
// matched as a whole before its words are looked at one by one.

const ENTRIES: Record<string, string> = {
  // Clear praise.
  '1.0': `fantastisch, fantastische, geweldig, geweldige, top, toppie, topper, toppers, chapeau, pluim, pluimpje,
    dikke pluim, compliment, complimenten, complimentje, hulde, petje af, bravo, dankjewel, dank je wel, dank jullie wel,
    hartelijk dank, heel erg bedankt, bedankt, bedankt!, super bedankt, fantastisch werk, goed gedaan, netjes opgelost,
    snel opgelost, keurig opgelost, snel geregeld, top geregeld, prachtig, prachtige, schitterend, schitterende,
    uitstekend, uitstekende, perfect, perfecte, briljant, geniaal`,
  '0.8': `mooi, mooie, mooier, mooiste, blij, blije, heel blij, dankbaar, dankbare, dank, dankzij jullie, opgelost,
    verholpen, gerepareerd, hersteld, eindelijk opgelost, eindelijk gerepareerd, goed geregeld, fijn, fijne,
    lekker, heerlijk, heerlijke, genieten, genoten, geniet, trots, trotse, trots op, aanrader, aanraders, succes,
    succesvol, succesvolle, gefeliciteerd, proficiat, gaaf, gave, tof, toffe, leuk, leuke, leuker, leukste, knap,
    knappe, hartverwarmend, hartverwarmende, sterk staaltje, vriendelijk, vriendelijke, behulpzaam, behulpzame,
    attent, snelle reactie, snel gereageerd, snelle actie, goede actie, goed initiatief, mooi initiatief, aanwinst,
    verbetering, verbeteringen, vooruitgang, welkom, gezellig, gezellige, waardering, waarderen, waardeer`,
  '0.5': `goed, goede, beter, best bereikbaar, prima, oke, okay, ok, netjes, keurig, schoon, schone, veilig, veilige,
    veiliger, duidelijk, duidelijke, helder, heldere, snel, snelle, sneller, handig, handige, nuttig, nuttige,
    steun, steunen, steunt, eens met, helemaal eens, voorstander, voorstanders, positief, positieve, hoopvol,
    blij mee, tevreden, tevredene, fijn dat, goed dat, goed zo, mooi zo, weer open, gelukt, opgeknapt, gemaakt, opgeruimd, geleegd,
    opgeknapte, vernieuwd, toegankelijk, bereikbaar, betaalbaar, rustig, rustige, transparant, kudos, yes, hoera, joepie, wauw, wow`,
  // Clear criticism.
  '-1.0': `schandalig, schandalige, schande, schandaal, belachelijk, belachelijke, levensgevaarlijk, levensgevaarlijke,
    levensgevaarlijker, waardeloos, waardeloze, ramp, rampzalig, rampzalige, drama, dramatisch, hopeloos, hopeloze,
    bizar, bizarre, onacceptabel, onaanvaardbaar, ontoelaatbaar, diep triest, te gek voor woorden, te schandalig,
    walgelijk, walgelijke, kut, klote, godsgeklaagd, ergerlijk, ergerlijke, woedend, woest, furieus, boos, boze,
    stank, stinkt, stinken, vreselijk, vreselijke, verschrikkelijk, verschrikkelijke, afschuwelijk, afschuwelijke,
    wanbeleid, wanvertoning, puinhoop, puinzooi, zooitje, bende, janboel, ongehoord, ongehoorde, beschamend,
    beschamende, niet normaal, niet te doen, wordt niks aan gedaan, wordt niets aan gedaan, wordt niks mee gedaan,
    doen er niks aan, doen er niets aan, doet niks, doet niets, wordt niet opgelost, nooit opgelost, geen reactie,
    geen antwoord, geen enkele reactie, nog steeds geen, nog altijd geen, lak aan, schijt aan, maling aan, zakkenvullers,
    fouten gemaakt, oplichters, prutsers, prutswerk, knoeiwerk, incompetent, incompetente, amateurs, amateuristisch, wanprestatie`,
  '-0.8': `kapot, kapotte, stuk, defect, defecte, gevaarlijk, gevaarlijke, gevaarlijker, onveilig, onveilige, vies,
    vieze, smerig, smerige, smerigheid, troep, rommel, zwerfafval, afval ligt, vuilnis ligt, overlast, geluidsoverlast,
    stankoverlast, hondenpoep, ratten, ongedierte, klacht, klachten, klagen, geklaagd, ergernis, ergernissen, erger me,
    ergert, ergeren, irritant, irritante, irriteren, geirriteerd, frustrerend, frustrerende, gefrustreerd,
    teleurgesteld, teleurstellend, teleurstellende, teleurstelling, slecht, slechte, slechter, slechtst, slechtste,
    ellende, ellendig, chaos, chaotisch, gaten, kuilen, gat in de weg, losliggende, losliggend, scheef,
    verzakt, verzakking, lekt, lekkage, wateroverlast, onderlopen, ondergelopen, donker, onverlicht, niet gemaakt,
    niet gerepareerd, al weken, al maanden, al jaren, wekenlang, maandenlang, jarenlang, weer eens, alweer,
    onbereikbaar, onbegrijpelijk, onbegrijpelijke, onzin, flauwekul, kolder, gedoe, gezeur, gedonder, zielig,
    triest, trieste, jammer, helaas, zonde, verspilling, geldverspilling, weggegooid geld, fel tegen, pertinent tegen,
    tegenstander, tegenstanders, protest, protesteren, bezwaar, bezwaren, boete, boetes, onrecht, oneerlijk,
    oneerlijke, te laat, te duur, duur, dure, peperduur, zorgen over, maak me zorgen, bezorgd, angst, bang, eng, enge, onveiligheid,
    inbraak, inbraken, vernield, vernielingen, vandalisme, hufters, hufterig, asociaal, asociale, wegpiraten,
    scheuren, racen, crossen, te hard, hard gereden, pfff, pff, zucht, bah, gadver, gatver, jakkes, wtf, nietsnutten,
    stelletje, kan beter, kan echt beter, moet beter, gedumpt, gedumpte, dumping, hoor ik niks, hoor ik niets, hoor niks, hoor niets`,
  '-0.5': `nog steeds, nog altijd, wederom, probleem, problemen, lastig, lastige, traag, trage, trager, langzaam, overvol, propvol, rommelig, onduidelijk, onduidelijke, vaag, vage, verwarrend, omslachtig, bureaucratie,
    bureaucratisch, lang wachten, wachttijd, wachtlijst, moeilijk, moeilijke, vervelend, vervelende, hinder, kwijt,
    vergeten, genegeerd, negeren, niet serieus, geen oplossing, hoe kan het, hoe kan dit, hoe is het mogelijk`,
  // Pattern NL senses that are almost never meant as tenor in municipal posts: a preposition ("naar de
  // markt"), a place or time word, an intensifier that is handled as a modifier, or a word whose polarity
  // depends on what it is about ("groot", "extra", "dicht").
  '0': `naar, groot, grote, groter, nieuw, nieuwe, extra, diep, laat, later, licht, los, net, recht, links, rechts,
    zeker, klaar, juist, precies, enig, enige, bekend, bekende, vrij, gratis, bekeken, gelezen, laag, lage,
    plat, leeg, spits, raak, bar, beurs, mat, wee, wis, straf, rijk, groen, stil, dicht, koud, warm, dik, dikke,
    wild, apart, gek, simpel, direct, scherp, trouw, zout, zoet, zomers, zondags, senior, vereist, heilig, beperkt,
    gering, min, zeer, heel, echt, erg, enorm, ontzettend, super, mega, reuze, onwijs, best, behoorlijk, vrij,
    flink, hartstikke, razend, open, tegen, zorgen, wachten, vol, hoog, hoge, lang, lange, kort, korte, oud, oude, openbaar, openbare, algemeen, eigen,
    enorme, terecht, terechtkunnen, kan ik terecht, kunnen we terecht, kun je terecht`,
};

export interface SupplementEntry {
  words: string[];
  polarity: number;
}

export function buildMunicipalSupplement(): SupplementEntry[] {
  const entries: SupplementEntry[] = [];
  for (const [polarity, list] of Object.entries(ENTRIES)) {
    for (const raw of list.split(',')) {
      const words = raw.replace(/[!]/g, '').trim().split(/\s+/).filter(Boolean);
      if (words.length > 0) entries.push({ words, polarity: Number(polarity) });
    }
  }
  return entries;
}

// Standalone meanings of words that are otherwise modifiers: "dat is erg" is bad, "super!" is good.
export const STANDALONE_MODIFIER_POLARITY: Record<string, number> = {
  erg: -0.6,
  super: 0.8,
  mega: 0.5,
  enorm: 0,
  echt: 0,
};
