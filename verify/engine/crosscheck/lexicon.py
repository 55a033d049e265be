"""Word lists for cross-checking: stopwords, months, number words, negation and echo cues.

All general English news vocabulary, lower case.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _ordered(text: str) -> list[str]:
    return text.split()


MONTHS: dict[str, str] = {}
for _canon, _forms in {
    "jan": "jan january",
    "feb": "feb febr february",
    "mar": "mar march",
    "apr": "apr april",
    "may": "may",
    "jun": "jun june",
    "jul": "jul july",
    "aug": "aug august",
    "sep": "sep sept september",
    "oct": "oct october",
    "nov": "nov november",
    "dec": "dec december",
}.items():
    for _form in _forms.split():
        MONTHS[_form] = _canon

NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        _ordered(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
    if value >= 2  # 'one' is mostly a pronoun ('one of the'), 'zero' rare in claims
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
}

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
CURRENCY_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
CURRENCY_WORDS = {
    "dollars": "usd",
    "dollar": "usd",
    "usd": "usd",
    "euros": "eur",
    "euro": "eur",
    "eur": "eur",
    "pounds": "gbp",
    "sterling": "gbp",
    "yen": "jpy",
    "rubles": "rub",
    "roubles": "rub",
    "hryvnias": "uah",
}


# Function words and the generic vocabulary of news reporting: they say nothing about which
# fact a sentence states, so they are neither query terms nor evidence of the same fact.
STOPWORDS = _words(
    """a about above after again against all also although am an and any are aren as at be
    because been before being below between both but by can cannot could did do does doing
    down during each either else even ever every few for from further had has have having he
    her here hers herself him himself his how however i if in into is it its itself just let
    like may me might more most much must my myself neither no nor not now of off on once only
    or other others our ours ourselves out over own per perhaps same shall she should since so
    some such than that the their theirs them themselves then there these they this those
    though through thus to too under until up upon us very via was we were what whatever when
    where whether which while who whom whose why will with within without would yet you your
    yours yourself yourselves
    said says say saying told tell tells according reported reports report reportedly added
    adding stated statement asked claimed noted explained announced confirmed comment
    source sources official officials senior
    mr mrs ms dr news today yesterday tomorrow week weeks year years month months day days
    time times one ones two first new also just still already well many several
    get got gets make made makes take took taken go goes went gone come came
    people thing things way lot lots part including include includes s t n nt
    monday tuesday wednesday thursday friday saturday sunday
    meanwhile earlier later instead indeed moreover furthermore besides overall
    http https www com org net html htm php index article articles story stories"""
)

# Words that make a sentence deny or negate its event.
NEGATION_CUES = _words(
    """not no never denied denies deny denying rejected rejects reject rejecting refused
    refuses refuse refusing nobody none neither nor"""
)
# Negators proper; the other cues are verbs of denial ('did not reject' is no denial).
EXPLICIT_NEGATORS = _words("not no never nobody none neither nor")
# Verbs that deny the infinitive after them ('failed to carry out checks' ~ 'checks were not
# carried out'): cues of denial only before 'to' ('shares declined 5%' and 'the bank failed'
# deny nothing).
INFINITIVE_NEGATORS = _words("failed fails fail declined declines decline")

# Verbs of telling and advising: 'not to' after them is an instruction ('residents were told
# not to drink the water'), not the denial of an event.
DIRECTIVE_VERBS = _words(
    """told tell tells asked ask asks urged urge urges advised advise advises warned warn
    warns ordered order orders instructed instruct instructs encouraged encourage
    encourages reminded remind reminds"""
)

# Verbs whose object is an action of their subject ('the ministry ordered a halt', 'the
# council imposed a ban', 'the regulator announced the closure'): the noun's actor is theirs.
IMPOSING_VERBS = _words(
    """order orders ordered impose imposes imposed announce announces announced declare
    declares declared introduce introduces introduced"""
)

# Modals of obligation: 'not' after them says what ought not to be ('students should not pay
# the price', 'the figures must not be over-read'), a demand or a warning, not the denial of
# an event.
DEONTIC_MODALS = _words("should must ought")

# Words that make a noun phrase another instance of the thing the story is about ('a similar
# notice in 2022 was lifted', 'another bridge', 'a separate inquiry'): what happens to it is
# no outcome of the story's own.
OTHER_INSTANCE_WORDS = _words("similar another previous separate")
# After a negator, words that make it deny more of a thing than the one reported ('no further
# cuts', 'no more strikes', 'no additional funding'; 'no more than 50' is a bound).
FURTHER_WORDS = _words("further more additional fresh other")

# Auxiliaries quoted with a following 'not' in a reason ("denies: 'did not'").
AUX_BEFORE_NOT = _words("did does do has have had was were is are will would could should can")

# Words of a source description that are not a name: 'several European diplomats familiar with
# the conversations' is a description; two descriptions only echo each other when identical.
DESCRIPTION_WORDS = _words(
    """official officials source sources diplomat diplomats person people spokesman
    spokeswoman spokesperson aide aides adviser advisers advisor advisors analyst analysts
    expert experts insider insiders witness witnesses resident residents familiar senior
    anonymous unnamed several some two three many member members negotiator negotiators
    lawmaker lawmakers employee employees staff"""
)
# Words that carry no weight in a name ('the Associated Press' ~ 'Associated Press').
NAME_NOISE = _words("the a an of and for de la le el news their its his her our")

# Auxiliaries and adverbs allowed between an actor and its verb ('Kyiv has also rejected').
ACTOR_GAP = _words(
    """has have had was were is are will would could should may might also reportedly
    already then later initially officially formally quickly swiftly flatly publicly
    not never did does do been be"""
)

# Prepositions: the noun phrase after one is no verb's subject ('the blast at the site on
# Haverton Road happened').
PREPOSITIONS = _words("on in at to for from with without into over under during until than near by")

# Particles of phrasal verbs ('dug out', 'carried out', 'picked up', 'called off').
PARTICLES = _words("out up off down away over back")

# Irregular past tenses: verbs whose actor can be compared ('Moscow struck' vs 'Kyiv struck').
IRREGULAR_PASTS = _words(
    """began bought brought built caught chose drew drove dug fell fled fought found froze gave
    grew hit held hurt kept knew laid led left lost met paid put quit ran rose sent set shot
    sold sought spent split spoke stole stood struck swore took threw tore understood won
    wrote"""
)

# Irregular verbs by their base, past and participle ('led' and 'leading' are one verb, 'was
# written by' is a passive): a verb outside the predicate classes is compared on its base.
IRREGULAR_VERBS: dict[str, str] = {
    form: base
    for base, forms in {
        "lead": "led",
        "write": "wrote written",
        "run": "ran",
        "win": "won",
        "hold": "held",
        "give": "gave given",
        "draw": "drew drawn",
        "drive": "drove driven",
        "choose": "chose chosen",
        "break": "broke broken",
        "speak": "spoke spoken",
        "steal": "stole stolen",
        "throw": "threw thrown",
        "fly": "flew flown",
        "build": "built",
        "bring": "brought",
        "buy": "bought",
        "catch": "caught",
        "fight": "fought",
        "send": "sent",
        "sell": "sold",
        "seek": "sought",
        "strike": "struck",
        "shoot": "shot",
        "pay": "paid",
        "lay": "laid",
        "keep": "kept",
        "meet": "met",
        "tear": "tore torn",
        "swear": "swore sworn",
        "begin": "began begun",
        "hide": "hid hidden",
        "dig": "dug",
        "ride": "rode ridden",
    }.items()
    for form in forms.split()
}
# Participles past forms do not cover ('was written by'): read as past forms too.
IRREGULAR_PASTS = IRREGULAR_PASTS | frozenset(IRREGULAR_VERBS)

# Reporting verbs that mark a clause as attribution ('..., a Saudi official said.'): the clause
# says who reports the fact, not the fact, so comparison leaves it out.
REPORTING_CUES = _words(
    """said says told tells reported reports announced added adds wrote writes claimed claims
    noted notes confirmed confirms calculated showed shows estimated stated according citing
    quoted quoting insisted insists"""
)

# Words that make the words before 'said' more than a speaker: a clause of their own ('the
# bridge closed and officials said', 'the mayor, who resigned, said').
NOT_A_SPEAKER = _words(
    """and but or that which who whom when where after before because if as while was were is
    are has have had will would could not"""
)
# Subjects that refer back to the speaker ('the minister said he would visit'): the speaker is
# then the fact's own subject, and stays in the fact.
SPEAKER_PRONOUNS = _words("he she it they we i its their his her")
# Auxiliaries that make the words after a verb of saying a clause of their own ('..., said he
# was deeply sorry'): what was said, not who said it.
FINITE_AUX = _words("was were is are had has have will would could should can may might did does")

# Nouns a figure can count although they are generic ('45 people', '12 years', '48 hours'). Ages
# ('36-year-old', '40 years old') are excluded where quantities are read.
COUNT_NOUNS = _words("people persons year years month months week weeks day days")

# Words that may stand between a figure and the noun or verb it belongs to ('killed at least 45
# people', 'fell to 4.2 billion', 'a magnitude of 6.8').
FIGURE_GAP = _words(
    """a an the of at to by about around some nearly almost roughly approximately least more
    than over under up just was were is are be been had has have only another further"""
)
# Words that end the phrase a figure belongs to ('12 people and wounded 30').
FIGURE_BREAK = _words("and or but while when whereas as after before since with from including")

# Classes of news predicates and their nouns: inflections, synonyms, derivations and set phrases
# that state the same event ('acquitted' ~ 'found not guilty', 'closure' ~ 'closed', 'resigned' ~
# 'stepped down', 'employs' ~ 'workforce'). Forms are matched on their stems (so 'close' also
# covers 'closes', 'closing'); a phrase (words joined by '_') wins over the words it contains.
# Comparison reads every form of a class as its first word; the index keeps the words as written.
PREDICATE_CLASSES: dict[str, str] = {
    "kill": "kill die dead death deaths fatality fatalities lost_their_lives confirmed_dead "
    "death_toll",
    "injure": "injure injury injuries hurt wound wounded were_hurt burn burned burnt burns",
    "quake": "earthquake earthquakes quake quakes tremor tremors",
    "hit": "hit hits",
    "wildfire": "wildfire wildfires blaze blazes bushfire bushfires forest_fire",
    "damage": "damage damaged",
    "fall": "fall fell fallen drop dropped decline slide slid slip slipped decrease plunge slump",
    "rise": "rise rose risen climb increase grow grew grown jump surge soar raise raised hike "
    "hiked expand expanded",
    "cut": "cut reduce reduced reduction lower lowered slash slashed trim trimmed ease easing",
    "ceasefire": "ceasefire ceasefires truce truces armistice",
    "strike": "strike strikes walkout walkouts industrial_action stoppage",
    "blast": "blast blasts explosion explosions explode exploded",
    "talk": "talk talks negotiation negotiations consultation consultations discussion discussions",
    "request": "request requested requests seek seeks sought seeking ask_for asked_for asks_for "
    "call_for called_for calls_for",
    "urge": "urge urged urges appeal_to appealed_to appeals_to call_on called_on calls_on "
    "implore implored",
    "approve": "approve approved approval adopt adopted authorise authorize authorised authorized "
    "endorse green_light signed_off sign_off",
    "reject": "reject rejected rejection refuse refusal turn_down turned_down vote_down "
    "voted_down veto vetoed failed_by was_defeated were_defeated",
    "extradite": "extradite extradited extradition",
    "evacuate": "evacuate evacuated evacuation evacuee evacuees",
    "win": "win won wins winning victory",
    "lose": "lose lost loses losing defeat defeated concede conceded",
    "begin": "begin began begun start started commence commenced",
    "collapse": "collapse collapsed gave_way give_way cave_in caved_in",
    "hospitalise": "hospitalise hospitalised hospitalized hospitalisation hospitalization "
    "hospitalisations hospitalizations",
    "convict": "convict convicted conviction found_guilty guilty_verdict guilty_verdicts",
    "acquit": "acquit acquitted acquittal found_not_guilty not_guilty cleared_of",
    "arrest": "arrest arrested apprehend apprehended taken_into_custody",
    "detain": "detain detained detention custody in_custody remand remanded held_on_remand "
    "on_remand jail jailed imprison imprisoned behind_bars remain_in_custody",
    "release": "release released free freed bail bailed on_bail set_free",
    "resign": "resign resigned resignation step_down stepped_down steps_down stand_down "
    "stood_down quit",
    "close": "close closed closure shut shutdown shut_down closed_down shutter shuttered",
    "open": "open opened reopen reopened reopening",
    "employ": "employ employs employed employees employment workforce work_force staff",
    "suspend": "suspend suspended suspension halt halted stop stopped called_off call_off "
    "cancel cancelled canceled cancellation put_on_hold pause paused",
    "continue": "continue continued resume resumed carry_on carried_on keep_working "
    "kept_running keep_running",
    "stay": "stay stayed stay_on stay_in_charge remain_in_post remain_in_charge retain retained",
    "replace": "replace replaced replacing take_over took_over taken_over succeed succeeded",
    "leave": "leave left depart departed departure exit",
    "steal": "steal stole stolen theft thefts thief thieves taken_from burglar burglars burglary "
    "burglaries burgle burgled rob robbed robber robbers robbery robberies heist heists loot "
    "looted looting made_off_with make_off_with makes_off_with",
    "break_in": "break_in break_ins broke_into break_into breaks_into broken_into forced_entry "
    "forced_their_way_into smashed_their_way_into forced_its_way_into",
    "recover": "recover recovered recovery retrieve retrieved",
    "missing": "missing unaccounted_for still_missing",
    "investigate": "investigate investigation investigating probe inquiry enquiry",
    "destroy": "destroy destroyed destruction flatten flattened raze razed reduced_to_rubble",
    "block": "block blocked blockage obstruct obstructed",
    "buy": "buy bought purchase purchased acquire acquired acquisition takeover",
    "sell": "sell sold sale sell_off divest divested offload offloaded",
    "vote": "vote voted voting ballot",
    "support": "support supported backed in_favour favour",
    "oppose": "oppose opposed opposition dissent dissented dissenting",
    "discover": "discover discovered discovery spot spotted detect detected identify "
    "identified uncover uncovered turned_up found",
    "delay": "delay delayed postpone postponed postponement put_back pushed_back",
    "remove": "remove removed removal taken_out take_out",
    "ban": "ban banned prohibit prohibited outlaw outlawed",
    "allow": "allow allowed permit permitted permission clearance",
    "escape": "escape escaped breakout broke_out abscond absconded",
    "recapture": "recapture recaptured rearrest rearrested",
    "merge": "merge merged merger",
    "recall": "recall recalled withdraw withdrawn withdrawal pulled_from_shelves",
    "treat": "treat treated treatment",
    "breach": "breach breached hack hacked cyberattack cyber_attack intrusion",
    "flood": "flood flooded flooding inundate inundated submerged",
    "rescue": "rescue rescued",
    "cover": "subject_to covered_by apply_to applies_to applied_to",
    "safe": "safe safe_to_drink safe_to_use fit_to_drink",
    "unsafe": "unsafe dangerous hazardous not_safe",
    "avoid": "avoid avoided advised_not_to told_not_to urged_not_to warned_not_to "
    "asked_not_to advised_against warned_against urged_against",
    "agree": "agree agreed agreement deal accord pact",
    "award": "award awarded grant granted secure secured",
    "own": "own owned owns ownership shareholding stake",
    "hire": "hire hired recruit recruited",
    "unemployed": "unemployed unemployment jobless joblessness out_of_work out_of_a_job",
    "layoff": "layoff layoffs lay_off laid_off redundancy redundancies job_cuts job_losses "
    "job_loss",
    "dismiss": "dismiss dismissed dismissal sack sacked sacking oust ousted",
    "elect": "elect elected election reelected re_elected",
    "build": "build built construct constructed construction",
    "repair": "repair repaired repairs fix fixed mend mended",
    "inspect": "inspect inspected inspection inspections examine examined",
    "sentence": "sentence sentenced sentencing",
    "appoint": "appoint appointed appointment",
    "sign": "sign signed signing",
    "cost": "cost costs price priced",
    "value": "value valued worth valuation",
    "post": "post posts position positions job jobs",
    "accept": "accept accepted acceptance",
    "survive": "survive survived survivor survivors",
    "tighten": "tighten tightened impose imposed",
    "relax": "relax relaxed loosen loosened lift lifted scrap scrapped",
    "beat": "beat beaten exceed exceeded top topped",
    "miss": "miss missed fell_short fall_short",
    "profit": "profit profits profitable",
    "loss": "loss losses",
    "on_time": "on_time on_schedule as_planned on_track",
    "admit": "admit admitted admission confess confessed confession pleaded_guilty",
    "deny_charge": "pleaded_not_guilty plead_not_guilty denies_the_charges denied_the_charges",
    "propose": "propose proposed proposal put_forward tabled",
    "create": "create created creation fund funds funded",
    "pilot": "pilot piloted piloting fly flying flew at_the_controls",
    "at_large": "at_large on_the_run remain_at_large remain_on_the_run",
    "infect": "infect infected infection infections fell_ill fall_ill sickened "
    "caught_the_virus caught_the_disease caught_the_infection",
    "derail": "derail derailed derailment derailments left_the_rails left_the_tracks "
    "came_off_the_rails came_off_the_tracks jumped_the_tracks",
    "apologise": "apologise apologised apologize apologized apology apologies sorry",
    "retaliate": "retaliate retaliated retaliation retaliatory reprisal reprisals",
    "blame": "blame blamed blames attribute attributed attributes",
    "provide": "provide provided supply supplied",
    "illness": "illness illnesses sickness",
    "jury": "jury juries juror jurors",
    "discount": "discount discounts rebate rebates",
    "tax": "tax taxes customs_duties import_duties",
    "interview": "interview interviewed interviewing questioned_by being_questioned "
    "was_questioned were_questioned",
    "liable": "liable responsible accountable answerable",
    "fine": "fine fined fines penalise penalised penalize penalized",
    # 'led' stays a plain past (its verb 'lead' too), so that 'led to' is no leading.
    "lead": "leading spearhead spearheaded spearheading",
}
# Outcomes that are mostly told as the other side of an opposite ('was unhurt' vs 'was
# injured', 'upheld' vs 'overturned', 'left rates unchanged' vs 'raised rates'), and forms of
# the classes above that their stems do not reach ('died'): merged into the classes above.
OUTCOME_CLASSES: dict[str, str] = {
    "kill": "died dying passed_away",
    "survive": "alive",
    "unhurt": "unhurt unharmed uninjured unscathed escaped_injury",
    "intact": "intact undamaged spared still_standing remained_standing",
    "uphold": "uphold upheld",
    "overturn": "overturn overturned quash quashed struck_down strike_down",
    "unchanged": "unchanged steady held_steady kept_unchanged left_unchanged on_hold",
    "continue": "go_ahead went_ahead goes_ahead going_ahead proceed proceeded",
    "support": "voted_for vote_for",
    "oppose": "voted_against vote_against",
    "welcome": "welcome welcomed praise praised hail hailed applaud applauded",
    "criticise": "criticise criticised criticize criticized condemn condemned denounce denounced",
    "contained": "contained under_control extinguished put_out",
    "spread": "spread spreading out_of_control raging still_burning",
    "trapped": "trapped still_trapped",
    "win": "gain gained",
    "join": "join joined",
    "rise": "strengthen strengthened higher",
    "fall": "weaken weakened shrink shrank shrunk",
    "discover": "found_safe found_alive",
    "allow": "legalise legalised legalize legalized",
    "open": "operational back_in_service",
    "in_force": "in_place in_force",
    "hand": "handed_to handed_over hand_over",
}
for _canon, _forms in OUTCOME_CLASSES.items():
    PREDICATE_CLASSES[_canon] = f"{PREDICATE_CLASSES.get(_canon, '')} {_forms}".strip()

# Nouns that count the same things ('about 300 households' / 'about 300 homes', 'six
# ferries' / 'six vessels', '1,200 jobs' / '1,200 workers'): a count of one is a count of the
# other, so two such counts are compared (and may agree or contradict).
COUNTED_CLASSES: dict[str, str] = {
    "home": "home homes house houses household households dwelling dwellings property "
    "properties residence residences",
    "vessel": "vessel vessels ship ships boat boats ferry ferries",
    "carriage": "carriage carriages coach coaches wagon wagons",
    "worker": "worker workers employee employees job jobs",
    "patient": "patient patients",
    "pupil": "pupil pupils student students schoolchildren",
    "soldier": "soldier soldiers troop troops",
    "passenger": "passenger passengers traveller travellers traveler travelers",
    "building": "building buildings",
    "firefighter": "firefighter firefighters fireman firemen",
    "officer": "officer officers policeman policemen",
    "item": "item items piece pieces object objects artefact artefacts artifact artifacts",
    "location": "location locations address addresses premises site sites",
}

# Families of words other than predicates that mean one thing in a report ('the probable
# cause' ~ 'the most likely trigger', 'preliminary findings' ~ 'initial findings', 'buried
# entirely' ~ 'completely buried'): compared as their family, as predicate classes are.
WORD_FAMILIES: dict[str, str] = {
    form: canon
    for canon, forms in {
        "cause": "cause causes caused trigger triggers triggered",
        "likely": "likely probable probably",
        "initial": "initial preliminary",
        "completely": "completely entirely fully wholly totally",
        "whole": "whole entire",
        "worst": "worst darkest",
        "chance": "chance chances odds likelihood",
        "infant": "infant infants baby babies newborn newborns",
        "carriage": "carriage carriages coach coaches",
        "deploy": "deploy deployed deploys deploying dispatch dispatched dispatches",
        "volatile": "volatile erratic",
    }.items()
    for form in forms.split()
}

# Pairs of classes that state opposite outcomes of one event ('will stay open' vs 'will be
# closed', 'was released' vs 'remains in custody').
OPPOSITE_CLASSES: tuple[tuple[str, str], ...] = (
    ("open", "close"),
    ("release", "detain"),
    ("approve", "reject"),
    ("rise", "fall"),
    ("rise", "cut"),
    ("convict", "acquit"),
    ("suspend", "continue"),
    ("suspend", "open"),
    ("stay", "resign"),
    ("stay", "replace"),
    ("stay", "leave"),
    ("recover", "missing"),
    ("ban", "allow"),
    ("win", "lose"),
    ("support", "oppose"),
    ("hire", "layoff"),
    ("accept", "reject"),
    ("survive", "kill"),
    ("tighten", "relax"),
    ("beat", "miss"),
    ("profit", "loss"),
    ("delay", "on_time"),
    ("admit", "deny_charge"),
    ("create", "cut"),
    ("create", "layoff"),
    ("at_large", "arrest"),
    ("at_large", "recapture"),
    ("at_large", "detain"),
    ("unhurt", "injure"),
    ("unhurt", "kill"),
    ("intact", "destroy"),
    ("intact", "damage"),
    ("intact", "collapse"),
    ("uphold", "overturn"),
    ("unchanged", "rise"),
    ("unchanged", "fall"),
    ("unchanged", "cut"),
    ("dismiss", "resign"),
    ("dismiss", "stay"),
    ("block", "approve"),
    ("block", "allow"),
    ("discover", "missing"),
    ("suspend", "on_time"),
    ("welcome", "criticise"),
    ("contained", "spread"),
    ("trapped", "rescue"),
    ("trapped", "escape"),
    ("join", "leave"),
    ("survive", "lose"),
    ("elect", "lose"),
    ("collapse", "continue"),
    ("in_force", "relax"),
    ("safe", "unsafe"),
    ("safe", "avoid"),
    ("rescue", "missing"),
    ("agree", "reject"),
)

# Pairs of classes that can tell one event, the one more or less specific than the other, or
# the same transfer seen from its other side: 'was detained by officers' ~ 'officers arrested
# him', 'the road was cut' ~ 'blocked', 'sold to the fund' ~ 'the fund bought', 'was awarded
# the contract' ~ 'won the contract', 'closed' ~ 'blocked'. Not synonyms (their words stay
# apart), but never 'another action' either.
KINDRED_CLASSES: tuple[tuple[str, str], ...] = (
    ("arrest", "detain"),
    ("block", "close"),
    ("buy", "sell"),
    ("buy", "agree"),
    ("sell", "agree"),
    ("award", "win"),
    ("hire", "appoint"),
    ("resign", "leave"),
    ("dismiss", "leave"),
    ("kill", "hit"),
    ("quake", "hit"),
    ("destroy", "damage"),
    ("approve", "sign"),
    ("replace", "appoint"),
    ("suspend", "close"),
    ("suspend", "ban"),
    ("admit", "accept"),
    ("cut", "block"),
)

# Transfers and the class that tells them from the side of who gets the thing: the recipient
# of the first is the actor of the second ('the portfolio was handed to Hale' ~ 'Hale took
# over the portfolio', 'awarded the contract to Brightwater' ~ 'Brightwater won the
# contract', 'sold the stake to the fund' ~ 'the fund bought the stake').
CONVERSE_CLASSES: tuple[tuple[str, str], ...] = (
    ("hand", "replace"),
    ("award", "win"),
    ("sell", "buy"),
)
# Participles of verbs of feeling whose 'by' names what caused the feeling, not someone who
# acted ('residents were devastated by the ruling', 'staff were shocked by the decision'):
# two reports naming two causes are no two actors of one act.
FEELING_PARTICIPLES = _words(
    """devastated shocked saddened angered delighted disappointed surprised upset alarmed
    worried concerned frustrated stunned horrified appalled dismayed encouraged heartened
    relieved outraged troubled baffled puzzled thrilled pleased"""
)
# Classes of verbs whose subject, when they are used without an object, is what the act
# befell rather than who did it (the causative alternation: 'the nurse began CPR' but 'the
# race began'; 'the council closed the road' but 'the road closed'; 'the blast killed two'
# but 'two died'), and past verbs outside the lexicon of the same kind (as their stems).
ERGATIVE_CLASSES = _words(
    """begin open close suspend continue delay collapse derail flood blast sink end finish
    break burn spread kill"""
)
# Classes of stances and shared acts: many parties vote, back, oppose, welcome, criticise,
# blame or urge at once ('the union welcomed the deal' and 'the employers welcomed the deal'
# are both true), so another actor of one of them is no contradiction.
SHARED_ACT_CLASSES = _words("vote support oppose welcome criticise blame urge")
# Pairs of classes that name one act of one actor ('ordered a halt to outdoor work' ~
# 'banned outdoor work'): another actor of either is another actor of the act.
SAME_ACT_CLASSES: tuple[tuple[str, str], ...] = (("suspend", "ban"), ("arrest", "detain"))
SAME_ACT: dict[str, frozenset[str]] = {}
for _a, _b in SAME_ACT_CLASSES:
    SAME_ACT[_a] = SAME_ACT.get(_a, frozenset()) | {_b}
    SAME_ACT[_b] = SAME_ACT.get(_b, frozenset()) | {_a}
CONVERSES: dict[str, frozenset[str]] = {}
for _a, _b in CONVERSE_CLASSES:
    CONVERSES[_a] = CONVERSES.get(_a, frozenset()) | {_b}

# Single-word forms as their class ('shut' → 'close'); phrases as stem tuples.
SYNONYMS: dict[str, str] = {}
PHRASES: dict[tuple[str, ...], str] = {}
for _canon, _forms in PREDICATE_CLASSES.items():
    for _form in _forms.split():
        if "_" in _form:
            PHRASES[tuple(_form.split("_"))] = _canon
        else:
            SYNONYMS.setdefault(_form, _canon)
# Forms that belong to a class only as written: their stem is another word's ('contracted' a
# disease, but 'a contract'; 'struck' a blow, but 'a strike').
EXACT_FORMS: dict[str, str] = {
    "contracted": "infect",
    "struck": "hit",
    # 'will remain shut' ~ 'would stay closed'; 'the remaining $750 million' stays no stay.
    "remain": "stay",
    "remained": "stay",
    # A duty or a levy is a tax ('the duties will raise A$1.8bn' ~ 'the levies'), but 'duty'
    # is also 'off duty' and 'levied' also a fine.
    "duties": "tax",
    "levy": "tax",
    "levies": "tax",
    "issued": "issue",  # 'issued a notice', but 'the issue'
}
SYNONYMS.update(EXACT_FORMS)
KINDRED: dict[str, frozenset[str]] = {}
for _a, _b in KINDRED_CLASSES:
    KINDRED[_a] = KINDRED.get(_a, frozenset()) | {_b}
    KINDRED[_b] = KINDRED.get(_b, frozenset()) | {_a}
OPPOSITES: dict[str, frozenset[str]] = {}
for _a, _b in OPPOSITE_CLASSES:
    OPPOSITES[_a] = OPPOSITES.get(_a, frozenset()) | {_b}
    OPPOSITES[_b] = OPPOSITES.get(_b, frozenset()) | {_a}

# What is issued rather than extinguished when it is 'put out' ('put out a boil-water
# notice'; 'put out the fire' is 'contained').
ISSUED_NOUNS = _words(
    """notice notices warning warnings statement statements alert alerts advice advisory
    appeal appeals guidance order orders release plea"""
)

# Words of rank or office before a name ('Councilor Ana Ruiz', 'Deputy Governor Li'): two
# actors who share only these are two people.
TITLE_WORDS = _words(
    """mr mrs ms dr sir dame lord lady president vice prime minister deputy associate assistant
    secretary governor mayor councilor councillor senator judge justice chief executive
    director chairman chairwoman chair head leader officer inspector detective sergeant
    constable captain commissioner spokesman spokeswoman spokesperson minister's general
    first second acting interim former new"""
)
# Words that make an office another person's ('the deputy mayor' is not 'the mayor').
RANK_WORDS = _words("deputy vice assistant associate junior former")
# Classes of a change or a measure of quantity ('inflation rose', 'the levies will raise
# A$1.8bn', 'the scheme will cost'): without a thing acted upon, the phrase before one is the
# thing measured, not someone who acts, so two of them differing are two measures.
MEASURE_CLASSES = frozenset(("rise", "fall", "cut", "cost", "value"))
# Kinds of actor a description names ('the company', 'the city'): a description may stand
# for a named actor ('the company' for Ardent Robotics) unless the name shows another kind
# ('the city' is not Ashby Sports Group, nor 'the fire brigade' Cleveland Police).
COMPANY_NOUNS = _words(
    """company firm business group operator carrier airline maker manufacturer producer
    retailer supplier lender bank developer insurer utility employer corporation conglomerate
    ltd inc corp plc"""
)
PUBLIC_BODY_NOUNS = _words(
    """police council ministry department commission court government agency authority
    authorities regulator watchdog bureau parliament city county state town brigade army
    navy union party university hospital committee tribunal"""
)
# Verbs and nouns whose 'to' clause is their own actor's act ('the court voted to close the
# scheme', 'the board's decision to close'): that clause's actor is theirs.
CONTROL_WORDS = _words(
    """vote votes voted decide decides decided decision agree agrees agreed plan plans planned
    refuse refuses refused promise promises promised pledge pledges pledged vow vows vowed
    move moved bid want wants wanted seek seeks sought threaten threatens threatened opt opts
    opted choose chooses chose intend intends intended aim aims aimed offer offers offered
    attempt attempts attempted try tries tried"""
)
# Verbs that carry a noun's action ('the decision was taken by the trustees', 'the fine was
# imposed by the ECB'): their agent is the noun's actor; another verb's is not ('the recall
# was announced by the regulator' says who announced, not who recalled).
LIGHT_VERBS = _words(
    """taken made reached carried conducted undertaken performed given issued imposed
    launched led"""
)
# Auxiliaries, modals and particles quoted with a predicate ('will stay open', 'was released').
PREDICATE_AUX = _words(
    """will would could should may might must can shall is are was were be been being has
    have had do does did not never no longer still remain remains remained stay stays
    expected due set going to"""
)
# Words that negate a predicate when they come just before it ('did not close', 'refused to
# release', 'failed to win'): the predicate's polarity flips.
PREDICATE_NEGATORS = _words(
    """not never no n't refused refuses refuse failed fails fail denied declined declines
    decline unable yet"""
)
# Phrasal verbs of refusal that negate the predicate after them ('ruled out retaliatory
# measures' ~ 'would not retaliate'), as (verb, particle).
NEGATING_PHRASES = frozenset((verb, "out") for verb in ("rule", "rules", "ruled", "ruling"))
# Copulas before a past participle that make a clause passive ('was signed by').
PASSIVE_AUX = _words("was were been be being is are get got")
# Words that end a noun phrase read as an actor or the acted-upon.
PHRASE_BREAK = _words(
    """that which who whom whose when where while after before since because as if and or but
    on in at to for from with without into over under during until than"""
)

# Words that make a source an outlet, an organisation or a document rather than a person:
# two outlets quoting the same person are two confirmations that the person said it, but two
# outlets relaying one report, statement or survey rest on one origin.
ORIGIN_NOUNS = _words(
    """times post wire herald gazette tribune dispatch sentinel journal news report reports
    chronicle press agency courier standard observer review daily weekly online pulse ledger
    network radio television tv magazine bulletin broadcaster newspaper outlet service
    police board authority authorities department commission council ministry institute
    trust securities capital bank company firm ltd inc corp plc group union league office
    court government administration party committee association foundation
    university hospital center centre agency regulator watchdog bureau fund partners
    report survey memo email letter statement forecast filing filings document documents
    data study figures note release records record analysis audit economists analysts
    researchers scientists team spokesperson spokesman spokeswoman
    reuters bloomberg afp ap cnn bbc politico axios jazeera xinhua tass interfax kyodo yonhap
    anadolu efe ansa dpa nhk abc cbs nbc fox msnbc npr pbs guardian telegraph economist
    ft wsj nyt"""
)
# Origin nouns that make a source an organisation that speaks ('the health department said',
# 'the company said'), not an outlet or a document: two outlets that each heard the
# organisation say it are, like two outlets quoting one person, independent confirmations that
# it said it. (A document of it, 'a Police Scotland statement', stays one origin.)
ORGANISATION_NOUNS = _words(
    """police board authority authorities department commission council ministry institute
    trust company firm ltd inc corp plc group union league office court government
    administration party committee association foundation university hospital center centre
    regulator watchdog bureau"""
)
