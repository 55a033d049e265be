"""Word lists behind attribution suggestion: reporting cues, outlets, titles, people and documents.

Everything here is general English news vocabulary; all lists are lower case. The cue verbs are
given as base forms and inflected by :func:`inflect`; irregular forms are listed explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.replace("\n", " ").split(",") if w.strip())


# Verbs whose final consonant doubles before -ed / -ing.
_DOUBLING = _words(
    "admit, regret, commit, submit, refer, prefer, omit, permit, plan, quip, rebut, stop, "
    "abet, allot, compel, dispel, propel, repel, confer, defer, infer, concur, occur, slam, "
    "chat, plot, jot, spot, tap, top, drop, shrug, nod, beg, plead, sum"
)
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "know": ("know", "knows", "knew", "known"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "swear": ("swear", "swears", "swore", "sworn", "swearing"),
    "forecast": ("forecast", "forecasts", "forecasted", "forecasting"),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "hear": ("hear", "hears", "heard", "hearing"),
    "broadcast": ("broadcast", "broadcasts", "broadcasting"),
    "foresee": ("foresee", "foresees", "foresaw", "foreseen", "foreseeing"),
    "lie": ("lie", "lies", "lied", "lying"),
    "understand": ("understand", "understands", "understood"),
    "mean": ("mean", "means", "meant"),
    "put": ("put", "puts"),
    "go": ("go", "goes", "went", "gone", "going"),
    "lay": ("lay", "lays", "laid", "laying"),
    "make": ("make", "makes", "made", "making"),
    "hit": ("hit", "hits", "hitting"),
    "shoot": ("shoot", "shoots", "shot", "shooting"),
}


def inflect(base: str) -> tuple[str, ...]:
    """All forms of a regular (or listed irregular) English verb: base, -s, -ed, -ing."""
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    vowels = "aeiou"
    if base.endswith(("s", "x", "z", "ch", "sh")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in vowels:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base in _DOUBLING:
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    elif base.endswith("e"):
        past = base + "d"
        ing = base[:-2] + "ying" if base.endswith("ie") else base[:-1] + "ing"
        if base.endswith("ee"):
            ing = base + "ing"
    elif base.endswith("y") and base[-2] not in vowels:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    return (base, third, past, ing)


# Verbs of saying: the source is whoever says it.
SPEECH_VERBS = _words(
    """say, tell, add, warn, confirm, deny, write, suggest, insist, note, claim, announce, argue,
    explain, state, tweet, acknowledge, admit, ask, reply, respond, recall, contend,
    assert, declare, stress, emphasize, emphasise, observe, comment, remark, mention,
    disclose, predict, promise, vow, pledge, threaten, urge, demand, concede, complain, allege,
    accuse, blame, praise, criticize, criticise, condemn, denounce, decry, slam, blast, lament,
    bemoan, counter, retort, quip, joke, boast, brag, testify, inform, caution, hint, speculate,
    describe, characterize, dismiss, reject, defend, question, agree, disagree, echo,
    reiterate, affirm, reaffirm, assure, propose, recommend, tout, welcome, applaud, hail, mock,
    ridicule, scoff, chant, yell, dispute, clarify, conclude, proclaim, instruct, plead,
    appeal, protest, object, recount, label, dub, cite, signal, advise, estimate, lambaste,
    rebuke, insinuate, implore, vouch, concur, brief, contradict, muse,
    concede, stress, highlight, reveal, confide, assure, grumble, complain, fume,
    scold, endorse, oppose, attack, liken, compare, express, outline, unveil, portray,
    paint, cast, brand, knock, thank, congratulate, apologize, apologise,
    advocate, champion, discuss, offer, view, voice, float, pitch,
    sing, cheer, boo, rail, ridicule, taunt, berate, chide, fault, credit, call,
    challenge, press, demand, reassure, mull, ponder, tease, rule, identify, decide, aim, seek,
    encourage, chastise, compliment, articulate, put, detail, reference, underscore, rip, lay,
    charge, repeat, restate, imply, confess, exclaim, gush, underline, specify,
    elaborate, rebut, refute, posit, opine, surmise, theorize, theorise, attest, certify,
    pronounce, divulge, sneer, marvel, whine, gripe"""
)
# Verbs of thinking and wanting: PolNeAR-style attribution of beliefs and intentions.
COGNITION_VERBS = _words(
    """believe, think, feel, hope, expect, fear, worry, doubt, suspect, wish, want,
    consider, realize, realise, recognize, recognise, anticipate, intend, refuse, decline,
    foresee, reckon, imagine, understand, regret, envision, know, wonder"""
)
# Verbs whose subject is usually evidence: a study found, records show.
EVIDENCE_VERBS = _words("show, find, indicate, document, suggest, reveal, conclude")
# Verbs of a news organisation reporting: Politico reported, The Post has learned.
REPORT_VERBS = _words("report, learn, publish")

# Verbs of saying whose subject is a source with or without a marked complement ("X said.",
# "X said the plan was dead", "X announced a recall"). Every other cue verb (requests,
# reactions, intentions: "asked for", "welcomed the decision", "called for calm") names a
# source only with reported content after it (see ``cues.has_content``) or set off as a
# parenthetical ("…, she complained.").
SAYING_VERBS = _words(
    """say, tell, add, write, state, report, note, claim, explain, insist, warn, confirm, deny,
    reply, answer, acknowledge, admit, concede, contend, assert, declare, stress, emphasize,
    emphasise, observe, comment, remark, mention, predict, allege, testify, reiterate,
    conclude, estimate, suggest, recall, disclose, reveal, speculate, caution, inform, tweet,
    post, quip, joke, counter, retort, announce, learn, show, find, indicate, document, muse,
    continue, go, point, brief, cite, highlight, forecast, understand, hear, echo"""
)
# Cue verbs as often used for an action or a request as for a report ("asked for a sentence",
# "commuters have complained", "published guidance"): a source only with content after them.
CONTENT_ONLY_VERBS = _words(
    """ask, appeal, publish, consider, agree, offer, decide, compare, discuss, seek, aim,
    respond, complain, welcome, rule, want, demand, know, thank, apologize, apologise,
    congratulate"""
)
# What "call" convenes rather than characterises: "called a strike", "called the police".
CALLED_EVENTS = _words(
    """strike, strikes, walkout, meeting, election, elections, vote, referendum, halt, recess,
    truce, ceasefire, police, ambulance, conference, summit, session, inquiry, review,
    debate, hearing, protest, rally, boycott, timeout"""
)
# Cue verbs that take a plan when an infinitive follows ("wants to build", "agreed to buy").
# Commissive verbs of saying are not among them: "vowed to retaliate", "promised to cut
# taxes", "threatened to resign" report what the subject said it would do.
INTENTION_VERBS = _words(
    """want, plan, agree, decide, offer, seek, aim, intend, refuse, decline, hope, expect, try,
    attempt, propose, ask, demand"""
)
# Directive cue verbs: with an addressee and an infinitive they report a request the subject
# made ("asked the court to dismiss the case", "appealed to residents to stay indoors").
DIRECTIVE_VERBS = _words("ask, appeal, demand")
REFUSAL_VERBS = _words("decline, refuse")
# Verbs of saying that stay sources inside someone else's reported speech ("X said Y told
# him …": Y via X); other cues there tell what the reported people did.
RELAYED_SAYING_VERBS = _words(
    "say, tell, write, report, add, state, warn, claim, confirm, deny, testify, announce, insist"
)
# Verbs of belief: negated, they still state the subject's view ("he doesn't think so").
BELIEF_VERBS = _words("believe, think, expect, doubt, know, feel, suspect")
# Verbs of refusing: "declined to comment", "refused to say" is a fact about the subject.
REFUSAL_FORMS = frozenset(
    form for base in _words("decline, refuse, fail, neglect") for form in inflect(base)
)
# Auxiliaries that make a cue a refusal or a plan rather than a report ("did not respond",
# "will publish", "would retaliate").
NEGATIONS = _words(
    """not, n't, never, cannot, doesn't, didn't, don't, won't, wouldn't, hasn't, haven't,
    isn't, wasn't, aren't, weren't, couldn't, shouldn't, mustn't, can't, hadn't"""
)
MODALS = _words("will, would, shall, 'll, could, can, may, might, must, should, 'd")
# Words after a cue that open its reported content: "asked whether", "warned that".
CONTENT_OPENERS = _words("that, whether, if, how, why, what, when, where, who, which, :")

# Cue verbs that may come before their subject: "…,” said Rubio. Not "tell": what follows
# "told" is whom the source told ("…, told supporters in Akron").
INVERTIBLE = _words(
    """say, add, write, ask, continue, explain, note, recall, argue, warn, insist, reply, respond,
    tweet, report, declare, conclude, observe, claim, state, suggest, quip, joke, answer,
    concede, admit, acknowledge, counter, complain, predict, remark, retort, post, cry,
    shout, yell, scoff, muse"""
)

# Particles that belong to the cue: "called for", "pointed out", "spoke out", "as she put it".
PARTICLE_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "point": frozenset({"out", "to"}),
    "speak": frozenset({"out", "of", "about"}),
    "talk": frozenset({"about", "of"}),
    "refer": frozenset({"to"}),
    "put": frozenset({"it"}),
    "weigh": frozenset({"in"}),
    "lash": frozenset({"out"}),
    "push": frozenset({"back"}),
    "go": frozenset({"on"}),
    "continue": frozenset(),
    "sound": frozenset({"off"}),
    "lay": frozenset({"out"}),
    "make": frozenset({"clear"}),  # "made clear that", "made it clear"
    "fire": frozenset({"back"}),
    "hit": frozenset({"back"}),
    "shoot": frozenset({"back"}),
    "chime": frozenset({"in"}),
    "spell": frozenset({"out"}),
    "sum": frozenset({"up"}),
}
# Particles that turn a cue verb into one that reports nothing: "showed up late", "found ways
# to cut costs".
NON_REPORTING_PARTICLES: dict[str, frozenset[str]] = {
    "show": frozenset({"up"}),
    "find": frozenset({"way", "ways"}),
    "pitch": frozenset({"in"}),  # "donors who pitch in $200"
}


def _forms(bases: Iterable[str]) -> dict[str, str]:
    return {form: base for base in bases for form in inflect(base)}


def build_cue_forms() -> dict[str, str]:
    """Inflected form -> base form, for every cue verb."""
    forms: dict[str, str] = {}
    for group in (COGNITION_VERBS, EVIDENCE_VERBS, REPORT_VERBS, SPEECH_VERBS):
        forms.update(_forms(group))
    for base in PARTICLE_CUES:
        for form in inflect(base):
            forms.setdefault(form, base)
    return forms


# Stance adjectives after "be": "Protesters were frustrated that …", "she is confident".
STANCE_ADJECTIVES = _words(
    """frustrated, convinced, confident, optimistic, pessimistic,
    skeptical, sceptical, adamant, eager, unhappy, angry, upset, furious, outraged,
    incensed, pleased, delighted, disappointed, dismayed, alarmed, hopeful, afraid, fearful,
    determined, insistent, unconvinced, doubtful, critical, supportive, opposed, satisfied,
    dissatisfied, troubled, uneasy, wary, certain, unsure, uncertain"""
)
# Forms that are nouns far more often than verbs in news prose ("the state", "the states").
NOUN_FORMS = _words("state, states")
CUE_FORMS = {
    **{form: base for form, base in build_cue_forms().items() if form not in NOUN_FORMS},
    **{adj: adj for adj in STANCE_ADJECTIVES},
}
# Forms that take a cue only with their particle ("called for", not "called").
PARTICLE_ONLY = frozenset(
    {
        "point",
        "weigh",
        "lash",
        "push",
        "go",
        "continue",
        "sound",
        "speak",
        "talk",
        "refer",
        "put",
        "lay",
        "make",
        "fire",
        "hit",
        "shoot",
        "chime",
        "spell",
        "sum",
    }
)

AUXILIARIES = _words(
    """has, have, had, will, would, could, can, may, might, must, should, shall, did, does, do,
    is, was, were, are, be, been, being, 's, 've, 'd, 're, 'll, 'm, also, later, previously,
    repeatedly, reportedly, recently, publicly, privately, first, then, now, again, earlier,
    often, never,
    not, n't, still, already, even, just, initially, once, frequently, openly, quickly, long,
    flatly, firmly, strongly, explicitly, specifically, ultimately, further, separately,
    subsequently, similarly, likewise, generally, always, sometimes, apparently, actually,
    simply, clearly, directly, immediately, finally, formally, officially, angrily, bluntly,
    notably, pointedly, personally, herself, himself, themselves, itself, cannot, doesn't,
    didn't, don't, won't, wouldn't, hasn't, haven't, isn't, wasn't, aren't, weren't, couldn't"""
)
BE_FORMS = _words(
    "is, was, were, are, be, been, being, 's, 're, isn't, wasn't, aren't, weren't, ain't"
)

PRONOUNS: dict[str, tuple[str, bool]] = {
    # pronoun -> (referent class, plural)
    "he": ("personal", False),
    "she": ("personal", False),
    "they": ("group", True),
    "it": ("thing", False),
    "i": ("self", False),
    "we": ("self", True),
}
RELATIVE = _words("who, which, that, whom, whose")

# Lower-case words that end a noun phrase when scanning away from a cue.
BOUNDARY = _words(
    """that, which, who, whom, whose, where, when, while, because, since, after, before, but,
    or, so, if, although, though, as, than, to, into, about, over, under, during, despite,
    against, between, through, without, within, until, unless, whether, how, why, what,
    is, was, are, were, be, been, being, has, have, had, will, would, could, can, may, might,
    must, should, shall, do, does, did, not, n't, also, him, her, them, me, us, you, there,
    here, on, upon, then, yet, nor, said, says, say, told, tell, more, less, too, very, just,
    like, even, only, still, now, what, this, these, those, its, it, he, she, they, we, i,
    outside, inside, amid, across, toward, towards, around, via, per, among, behind, once,
    instead, however, meanwhile, moreover, therefore, thus, already, again, later, earlier,
    today, yesterday, tonight, tomorrow, ago, himself, herself, themselves, itself"""
)
# Words that open a post-modifier of a source: "officials familiar with the talks",
# "a diplomat involved in the negotiations", "people close to the minister", "a person with
# knowledge of the plans".
POSTMODIFIERS = _words("familiar, close, involved, briefed, knowledgeable, knowledge")
# Participles that describe a document after its noun: "a report published in April",
# "emails obtained by the paper", "figures released by the agency".
DOCUMENT_PARTICIPLES = _words(
    """published, released, issued, compiled, prepared, commissioned, written, drafted, filed,
    circulated, obtained, seen, reviewed, examined, leaked, shared, analysed, analyzed, posted,
    submitted, produced, conducted, signed, sent, presented, cited, quoted, dated, updated,
    unsealed, lodged, tabled, delivered, handed"""
)
# Of those, the ones whose agent relays the document to the reader: "emails obtained by the
# Courier" rest on the emails, via the Courier (who wrote them is part of their description).
ACCESS_PARTICIPLES = _words("obtained, seen, reviewed, examined, viewed, verified")
# Nouns for a piece of reporting or research whose author is a source: "a report by X that".
REPORT_NOUNS = _words(
    """report, reports, study, investigation, analysis, survey, review, audit, poll, article,
    story, inquiry, assessment, probe, dossier, memo, paper"""
)
# The newsroom's own observation: "our correspondent saw", "the Courier verified", "reporters
# counted". These verbs are cues only with a journalist or an outlet as their subject.
OBSERVATION_FORMS = frozenset(
    form
    for base in _words("see, witness, watch, verify, check, count, visit, examine, review")
    for form in inflect(base)
    if not form.endswith("ing")
) | {"saw", "seen", "verified", "checked", "counted", "witnessed", "watched"}
# Verbs that report content only with a document as subject: "the register lists no gifts",
# "a report put the number at 5,000", "the census counted 1.9 million". Not "require": "state
# law requires a licence" states a rule, not what a source reports.
DOCUMENT_VERB_FORMS = frozenset(
    form
    for base in _words(
        """list, count, put, record, detail, give, set, describe, cite, chart, tally, contain,
        include, propose, outline, envisage, stipulate, charge, state"""
    )
    for form in inflect(base)
    if not form.endswith("ing")
) | {"set", "put", "gave", "given"}
# "The original document had 28 points": "have" reports a document's content when an amount
# or a determiner follows (not "had said", "has been").
HAVE_FORMS = frozenset({"has", "have", "had"})
JOURNALIST_NOUNS = _words(
    """correspondent, correspondents, reporter, reporters, journalist, journalists,
    photographer, photographers, crew, reporting team, editor, editors, staff writer"""
)
# Prepositions (and post-modifier adjectives) that may continue a source noun phrase.
NP_PREPOSITIONS = _words("of, at, for, from, with, in, by") | POSTMODIFIERS
DETERMINERS = _words(
    """the, a, an, some, many, several, most, all, both, each, another, other, his, her, its,
    their, our, my, your, one, two, three, four, five, six, seven, eight, nine, ten, few, no,
    these, those, this, numerous, multiple, various, any"""
)
LEADING_NOISE = _words(
    """but, and, so, however, yet, meanwhile, still, now, then, also, instead, indeed, and,
    in, on, at, after, before, during, though, although, while, when, as, because, since,
    moreover, furthermore, nevertheless, later, earlier, today, yesterday, last, this, for,
    of, by, with, from, if, or, that, said, says, told, thursday, monday, tuesday, wednesday,
    friday, saturday, sunday, week, month, year, morning, night, evening, afternoon"""
)

OUTLETS = _words(
    """politico, cnn, reuters, ap, associated press, afp, agence france-presse, bloomberg,
    bloomberg news, bbc, bbc news, fox news, fox, nbc, nbc news, abc, abc news, cbs, cbs news,
    msnbc, npr, pbs, new york times, the times, washington post, the post, new york post,
    wall street journal, the journal, wsj, usa today, guardian, independent, telegraph,
    financial times, ft, economist, axios, the hill, breitbart, breitbart news,
    huffington post, huffpost, buzzfeed, buzzfeed news, vox, slate, atlantic, newsweek,
    time magazine, al jazeera, tass, ria novosti, interfax, ukrinform, kyiv post,
    kyiv independent, der spiegel, spiegel, le monde, bild, yonhap, xinhua, kyodo, cnbc,
    daily beast, daily mail, the sun, mirror, los angeles times, la times, chicago tribune,
    boston globe, new yorker, vanity fair, mother jones, national review, intercept,
    propublica, daily caller, washington times, washington examiner, politifact,
    fivethirtyeight, nyt, new york daily news, drudge report, sky news, itv, euronews,
    deutsche welle, dw, france 24, rt, sputnik, haaretz, times of israel, jerusalem post,
    the star, globe and mail, cbc, abc news australia, nikkei, south china morning post,
    scmp, semafor, the information, the daily telegraph, the wall street journal, vice,
    vice news, salon, the washington post, the new york times, the new york post,
    the guardian, the independent, the economist, the atlantic, the new yorker, the intercept,
    the daily beast, the daily caller, usa today network, the associated press, c-span"""
)
OUTLET_SUFFIXES = _words(
    "times, post, journal, news, herald, tribune, gazette, telegraph, chronicle, globe, "
    "magazine, daily, radio, television, tv, observer, examiner, inquirer, courier, bulletin, "
    "dispatch, review, register, star, sun, mail, express, monitor, insider, wire, newswire, "
    "ledger, kurier, mercury, advertiser"
)
OUTLET_NOUNS = _words(
    "newspaper, paper, outlet, network, broadcaster, magazine, tabloid, news agency, "
    "news outlet, news site, website, publication, channel, station, daily, wire service, "
    "broadsheet, weekly"
)

TITLES = _words(
    """president, vice president, secretary, senator, sen., sens., rep., reps., representative,
    congressman, congresswoman, governor, gov., mayor, minister, prime minister, ambassador,
    envoy, general, gen., admiral, adm., colonel, col., lt., lieutenant, sgt., sergeant, capt.,
    captain, chief, director, commissioner, chairman, chairwoman, chair, ceo, cfo, coo,
    spokesman, spokeswoman, spokesperson, press secretary, attorney general, prosecutor, judge,
    justice, sheriff, officer, official, leader, speaker, chancellor, king, queen, prince,
    princess, pope, commander, deputy, undersecretary, adviser, advisor, aide, head,
    executive, president-elect, lawmaker, nominee, candidate, manager, superintendent, mp,
    diplomat, founder, treasurer, inspector, premier, counsel, councilman, councilwoman,
    councillor, councilor, assemblyman, assemblywoman, delegate, chairperson, whip,
    strategist, pres., supt., amb., rev., cardinal, bishop, ayatollah, sheikh, emir, sultan,
    chief executive, administrator, mayor-elect, governor-elect, secretary-general,
    director-general, representative, negotiator, commissioner, marshal, trooper, detective,
    agent, economist, dean, provost, rector, principal, coach, captain, owner, partner,
    president's, minister's"""
)
HONORIFICS = _words("mr., mrs., ms., dr., prof., miss, mr, mrs, ms, dr, sir, dame, lord, lady")

ANONYMOUS_NOUNS = _words(
    """source, sources, official, officials, diplomat, diplomats, people, person, aide, aides,
    adviser, advisers, advisor, advisors, spokesman, spokeswoman, spokesperson, insider,
    insiders, analyst, analysts, expert, experts, observer, observers, critic, critics,
    supporter, supporters, opponent, opponents, resident, residents, witness, witnesses,
    lawmaker, lawmakers, legislator, legislators, member, members, employee, employees,
    staffer, staffers, worker, workers, investigator, investigators, prosecutor, prosecutors,
    officer, officers, negotiator, negotiators, leader, leaders, voter, voters, protester,
    protesters, protestor, protestors, demonstrator, demonstrators, activist, activists,
    economist, economists, scientist, scientists, researcher, researchers, doctor, doctors,
    lawyer, lawyers, attorney, attorneys, friend, friends, relative, relatives, neighbor,
    neighbors, neighbour, neighbours, colleague, colleagues, ally, allies, republicans,
    democrats, conservatives, liberals, progressives, others, executives, someone, somebody,
    everyone, individual, individuals, student, students, parent, parents, man, woman, men,
    women, participant, participants, respondent, respondents, americans, citizens, fans,
    strategist, strategists, operative, operatives, surrogate, surrogates, donor, donors,
    pollster, pollsters, historian, historians, scholar, scholars, commentator, commentators,
    pundit, pundits, politician, politicians, candidate, candidates, delegate, delegates, senators,
    representatives, governors, mayors, ministers, ambassadors, envoys, commanders, soldiers,
    troops, agents, detectives, journalists, journalist, reporter, reporters, correspondent,
    editor, editors, spokespeople, spokesmen, spokeswomen, executive, manager, managers,
    owner, owners, organizers, organisers, victims, victim, survivor, survivors, family,
    families, mother, father, son, daughter, wife, husband, brother, sister, teacher,
    teachers, nurse, nurses, farmer, farmers, rebels, militants, fighters, authorities,
    police, republican, democrat, conservative, liberal, independent, independents, many,
    some, most, few, both, all, either, neither, nobody, anyone, one, majority, minority,
    counterparts, counterpart, partners, partner, negotiator, backers, detractors, skeptics,
    sceptics, proponents, advocates, advocate, campaigners, campaigner, whistleblower,
    insurgents, bystanders, onlookers, locals, villagers, diplomats, intelligence, percent,
    announcer, narrator, speaker, spokesperson, host, moderator, panelist, panelists,
    trustee, trustees, consultant, consultants, firefighters, paramedics, engineers, two,
    three, four, five, six, seven, eight, nine, ten, several, none"""
)
DOCUMENT_NOUNS = _words(
    """document, documents, report, reports, data, record, records, filing, filings, poll,
    polls, survey, surveys, study, studies, analysis, analyses, plan, draft, memo, memorandum,
    letter, letters, statement, statements, text, figures, statistics, stats, census,
    transcript, transcripts, email, emails, e-mail, e-mails, video, videos, footage, photo,
    photos, photograph, photographs, complaint, lawsuit, suit, indictment, ruling, order, bill,
    law, legislation, proposal, proposals, agreement, treaty, resolution, research, estimate,
    estimates, numbers, results, result, book, article, column, editorial, op-ed, story,
    tweet, tweets, message, messages, website, page, release, audit, review, investigation,
    probe, assessment, index, model, forecast, chart, map, affidavit, evidence, tally, count,
    budget, guidance, guidelines, rules, regulation, regulations, policy, manifesto, platform,
    declaration, communique, communiqué, warrant, subpoena, motion, brief, opinion, verdict,
    decision, findings, finding, documentary, film, recording, recordings, tape, tapes, cable,
    cables, minutes, log, logs, receipts, invoices, contract, contracts, constitution,
    charter, amendment, measure, initiative, framework, roadmap, blueprint, note, notes, post,
    posts, ad, ads, advertisement, commercial, speech, remarks, testimony, interview,
    readout, summary, paper, papers, dossier, file, files, list, ledger, database, dataset,
    spreadsheet, schedule, calendar, version, copy, excerpt, excerpts, passage, clause,
    provision, provisions, section, chapter, points, point, account, accounts, clip, clips,
    spot, average, averages, commentary, footage, graphic, newsletter, entry, entries, image,
    images, imagery, picture, pictures, notice, notices, trial, trials, judgment, judgement,
    register, registry, correspondence, submission, submissions, application, applications,
    drafts"""
)
ORGANISATION_NOUNS = _words(
    """white house, kremlin, pentagon, state department, department, ministry, government,
    administration, campaign, company, firm, congress, senate, house, committee, police,
    authorities, agency, council, party, court, commission, bank, fund, union, military,
    army, navy, office, bureau, board, team, group, organization, organisation, institute,
    university, foundation, association, coalition, alliance, federation, cabinet,
    parliament, legislature, assembly, embassy, regime, corporation, business, businesses,
    companies, firms, retailer, manufacturer, insurer, lender, bank, school, hospital,
    church, club, league, network, movement, caucus, delegation, secretariat, presidency,
    prosecutor's office, watchdog, regulator, regulators, tribunal, jury, panel, county,
    city, state, country, nation, district, province, region, municipality, court,
    supreme court, central bank, federal reserve, fed, treasury, justice department,
    homeland security, interior ministry, foreign ministry, defence ministry,
    defense ministry, downing street, elysee, élysée, quai d'orsay, bundestag, duma, knesset,
    politburo, junta, crown, palace, vatican, moscow, washington, kyiv, kiev, beijing,
    brussels, london, paris, berlin, tehran, pyongyang, seoul, tokyo, ankara, jerusalem,
    warsaw, budapest, minsk, damascus, baghdad, kabul, islamabad, new delhi, delhi,
    ottawa, canberra, riyadh, doha, cairo, rome, madrid, service, services, maker, makers,
    carmaker, drugmaker, automaker, chipmaker, carrier, airline, operator, supplier, utility,
    agencies, groups, organisations, organizations, charities, unions, governments,
    ministries, councils, banks, insurers, lenders, airlines, operators, suppliers, utilities,
    charity, guard, coastguard, brigade, coast guard"""
)
COUNTRIES = _words(
    """ukraine, russia, united states, us, u.s., usa, u.s.a., america, china, iran, israel,
    france, germany, britain, great britain, uk, u.k., united kingdom, japan, north korea,
    south korea, korea, india, pakistan, turkey, syria, iraq, saudi arabia, mexico, canada,
    poland, hungary, europe, european union, eu, nato, un, united nations, belarus, georgia,
    moldova, romania, italy, spain, netherlands, belgium, sweden, finland, norway, denmark,
    estonia, latvia, lithuania, czech republic, slovakia, austria, switzerland, greece,
    egypt, qatar, afghanistan, venezuela, cuba, brazil, argentina, australia, taiwan,
    vietnam, indonesia, philippines, libya, yemen, lebanon, jordan, palestine, hamas,
    hezbollah, taliban, opec, imf, world bank, fbi, cia, nsa, doj, dhs, irs, fda, cdc,
    epa, sec, ftc, fcc, nasa, who, wto, iaea, osce, g7, g20, asean, african union, gop,
    rnc, dnc, kremlin, pentagon, white house, congress, senate, nypd, lapd, secret service"""
)
CORPORATE_SUFFIXES = _words(
    "inc, inc., corp, corp., co., ltd, ltd., llc, plc, group, holdings, bank, airlines, "
    "motors, partners, capital, technologies, systems, industries, international, ministry, "
    "department, agency, commission, committee, council, university, institute, foundation, "
    "association, union, party, court, office, service, services, administration, campaign, "
    "center, centre, corporation, company, fund, force, forces, guard, police, command, "
    "authority, board, bureau, network"
)
EDITORIAL_LABELS = _words(
    """correction, clarification, warning, update, updated, editor's note, note, related,
    read more, watch, read, photo, video, source, sources, listen, see also, advertisement,
    disclosure, credit, caption, image, graphic, tags, topics, share, subscribe"""
)
# Conjunctions that open an adverbial clause fronted before the main clause: "As Clinton
# talked about …, Trump highlighted …", "When the mayor said …, residents argued …".
FRONTED_OPENERS = _words("as, when, while, after, before, if, although, though, because, since")
PLURAL_WORDS = _words("people, police, staff, military, authorities, personnel, clergy")
# Nouns of quantity heading "a number of tax experts", "a handful of residents": the phrase
# runs on over "of" to the people counted.
QUANTITY_NOUNS = _words(
    """number, majority, minority, handful, group, couple, dozen, dozens, score, scores,
    hundreds, thousands, host, lot, lots, half, third, quarter, fraction, share, percent,
    chorus, slew, raft, array"""
)
PREMODIFIERS = _words(
    """former, retired, senior, top, then, deputy, acting, late, veteran, longtime,
    long-time, outgoing, incoming, current, new, chief, fellow, republican, democratic,
    conservative, liberal, presidential, vice, assistant, associate, prominent, influential,
    first, second, third, lead, leading, key, powerful, embattled, ousted, exiled, jailed,
    billionaire, businessman, businesswoman, actor, actress, singer, rapper, star, mogul,
    tycoon, host, anchor, columnist, commentator, activist, pastor, rev., lawyer, attorney,
    u.s., us, american, british, french, german, russian, ukrainian, chinese, european,
    self-described, so-called, then-candidate, then-president, wife, husband, son, daughter,
    brother, sister, father, mother, friend, running, mate, opponent, rival"""
)

# Verbs that pass their subject to a following infinitive: "appeared to suggest".
RAISING_FORMS = frozenset(
    form
    for base in _words(
        """appear, seem, continue, try, begin, start, refuse, decline, vow, promise, threaten,
        decide, agree, attempt, go, rush, hasten, hurry, choose, dare"""
    )
    for form in inflect(base)
    if not form.endswith("ing")
)
NOT_ADVERBS = _words(
    "only, family, ally, rally, reply, supply, assembly, anomaly, monopoly, belly, bully, "
    "jelly, lily, italy, july, early, likely, holy, daily, weekly, monthly, yearly, friendly, "
    "elderly, lonely, ugly, silly, costly, deadly, orderly, curly, burly, jolly, homely, "
    "lovely, lively, only, fly, apply, reply, imply, comply, multiply, rely, sly"
)
FINITE_AUXILIARIES = _words(
    "is, was, were, are, has, have, had, will, would, could, can, may, might, must, should, "
    "shall, did, does, do, isn't, wasn't, won't, wouldn't, don't, doesn't, didn't, aren't, "
    "weren't, hasn't, haven't, hadn't, can't, cannot, couldn't, shouldn't, mustn't"
)
# Words with an agent-noun ending ("-er", "-or", "-ian", "-man") that are not people.
NOT_PEOPLE = _words(
    """number, numbers, matter, matters, letter, letters, paper, papers, order, orders, center,
    centre, border, borders, corner, water, power, powers, chapter, quarter, cancer, answer,
    answers, ledger, register, disorder, monitor, sector, factor, factors, error, errors,
    mirror, motor, theater, theatre, barrier, manner, banner, filter, trailer, poster, flier,
    flyer, shelter, meter, minister's, whether, together, however, another, further, rather,
    either, neither, other, others, neighbor, favor, favour, behavior, behaviour, humor,
    humour, honor, honour, labor, labour, rumor, rumour, vigor, harbor, endeavor, corridor,
    elevator, indicator, calculator, ventilator, reactor, radiator, generator, processor,
    transistor, counter, computer, browser, folder, charter, platter, thriller, romance,
    guardian, median, bargain, caravan, resist, insist, assist, exist, persist, consist,
    woman's, german, roman, ottoman, human, layman"""
)
# Cue verbs whose "-s" form is also a common plural noun ("his claims", "the new rules").
NOUN_CUES = _words(
    """claim, call, rule, tweet, report, comment, question, attack, worry, offer, promise,
    demand, estimate, forecast, hope, fear, doubt, view, voice, pledge, vow, appeal, protest,
    answer, reply, note, remark, label, signal, brief, praise, blame, echo, counter, quip,
    joke, boast, wish, plan, finding, study, record, post, review, response, concern, charge,
    find, result, statement, warning, threat, proposal, request, complaint, criticism"""
)
# Determiners that also stand alone as a subject before a past-tense verb ("many said").
STANDALONE_DETERMINERS = _words(
    """one, some, many, several, most, all, both, each, few, two, three, four, five, six,
    seven, eight, nine, ten, others, numerous, multiple"""
)
# Nouns of saying whose possessor is a source: "his claim that", "the IMF's estimate of".
NOMINAL_CUES = _words(
    """claim, claims, comment, comments, statement, remark, remarks, assertion, assertions,
    contention, argument, arguments, allegation, allegations, accusation, accusations,
    warning, warnings, prediction, predictions, estimate, estimates, assessment, insistence,
    denial, admission, suggestion, promise, promises, pledge, pledges, vow, view, views,
    position, explanation, account, testimony, criticism, complaint, complaints, call, calls,
    demand, demands, proposal, announcement, description, characterization, belief, beliefs,
    concern, concerns, fear, fears, hope, hopes, assurance, assurances, message, answer,
    response, reply, observation, opinion, analysis, forecast, projection, recollection"""
)
