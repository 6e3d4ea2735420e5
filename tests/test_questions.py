from __future__ import annotations

from radsdok.components.questions import find_questions
from radsdok.components.quotes import find_quotes

BODY = "Detta är en lång inledning om kommunens arbete som förklarar bakgrunden. " * 3


def questions(text: str) -> list[str]:
    marks = [q.attrs["marks"] for q in find_quotes(text)]
    return [hit.text for hit in find_questions(text, marks)]


def test_bulleted_questions_lose_their_bullets() -> None:
    text = BODY + "\n\nJag vill fråga:\n\n- Hur går det?\n• Vad kostar det?\n* När blir det klart?\n"
    assert questions(text) == ["Hur går det?", "Vad kostar det?", "När blir det klart?"]


def test_numbered_questions_lose_their_numbers() -> None:
    text = BODY + "\n\n1. Hur går det?\n\n2. Vad kostar det?"
    assert questions(text) == ["Hur går det?", "Vad kostar det?"]


def test_several_questions_in_one_paragraph() -> None:
    text = BODY + "\n\nHur går det? Och vad kostar det ? Jag undrar, ex. Malmö, hur det blir?"
    assert questions(text) == ["Hur går det?", "Och vad kostar det ?", "Jag undrar, ex. Malmö, hur det blir?"]


def test_question_glued_to_place_and_date() -> None:
    text = BODY + "\n\nVad tänker ordföranden göra?Lund 2024-03-02"
    assert questions(text) == ["Vad tänker ordföranden göra?"]


def test_question_inside_quotation_is_not_asked() -> None:
    text = BODY + "\n\nI rapporten ”Hur ska vi arbeta bättre?” föreslås mycket. Vad gör ni nu?"
    assert questions(text) == ["Vad gör ni nu?"]


def test_fraga_label_is_dropped() -> None:
    text = BODY + "\n\nFråga:\nI vilken ordning prioriteras byggena?"
    assert questions(text) == ["I vilken ordning prioriteras byggena?"]


def test_listed_question_without_mark_after_intro() -> None:
    text = BODY + "\n\nJag ställer följande frågor:\n\n1. Kan du garantera att vården håller hög kvalitet\n"
    assert questions(text) == ["Kan du garantera att vården håller hög kvalitet"]


def test_a_listed_question_that_lost_its_mark_among_asked_ones_is_asked() -> None:
    text = (
        BODY + "\n\n1. Har nämnden räknat på kostnaden?\n\nOm svaret är ja\n\n"
        "2. När ska bygget börja.\n\n3. Vem ska betala för bygget?\n"
    )
    assert questions(text) == [
        "Har nämnden räknat på kostnaden?",
        "När ska bygget börja",
        "Vem ska betala för bygget?",
    ]


def test_a_listed_statement_among_asked_questions_is_not_asked() -> None:
    text = BODY + "\n\n1. Har nämnden räknat på kostnaden?\n\n2. Bygget är försenat.\n\n3. Vem ska betala?\n"
    assert questions(text) == ["Har nämnden räknat på kostnaden?", "Vem ska betala?"]


def test_title_question_is_not_asked() -> None:
    text = "Vänsterpartiet 2023\n\nVad händer med skolan?\n\n" + BODY + "\n\nHur går det?"
    assert questions(text) == ["Hur går det?"]


def test_question_evidence_covers_text() -> None:
    text = BODY + "\n\n- Hur går det?"
    marks: list[tuple[int, int]] = []
    (hit,) = find_questions(text, marks)
    assert text[hit.start : hit.end] == "Hur går det?"


def test_every_question_intro_holds_a_cue_word() -> None:
    from radsdok.components.lexicon import patterns
    from radsdok.components.questions import INTRO_CUES

    for pattern in patterns()["question_intro"]:
        assert any(cue in pattern.casefold() for cue in INTRO_CUES), pattern


def test_question_on_the_line_after_the_title_is_asked() -> None:
    assert questions("Fråga om skolan\nHur går det med skolan?") == ["Hur går det med skolan?"]


def test_a_title_that_is_a_question_is_not_asked_again_when_repeated() -> None:
    text = "Varför stängs biblioteket? | Partiet i kommunen\n\nVarför stängs biblioteket?\n\n" + BODY
    assert questions(text) == []


def kind_questions(text: str, kind: str) -> list[str]:
    marks = [q.attrs["marks"] for q in find_quotes(text)]
    return [hit.text for hit in find_questions(text, marks, kind)]


def test_an_answer_counts_none_of_the_questions_it_quotes() -> None:
    text = BODY + "\n\nFrågan lyder:\n\nKommer nämnden att ändra ordningen?\n\nSvar: Ja, till hösten."
    assert kind_questions(text, "interpellation") == ["Kommer nämnden att ändra ordningen?"]
    assert kind_questions(text, "svar") == []


def test_a_motions_background_questions_are_rhetorical() -> None:
    text = "Motion om sim\n\nHur kan barn sakna simkunnighet? Vem tar ansvaret?\n\nVi yrkar att\n\natt X."
    assert kind_questions(text, "motion") == []
    assert kind_questions(text, "interpellation") == ["Hur kan barn sakna simkunnighet?", "Vem tar ansvaret?"]


def test_a_motion_keeps_questions_posed_after_an_intro() -> None:
    text = BODY + "\n\nVarför är det så?\n\nDärför vill jag fråga: Hur länge till?\n\nAtt: göra Y."
    assert kind_questions(text, "motion") == ["Hur länge till?"]


def test_questions_before_the_question_intro_are_background() -> None:
    text = (
        "Interpellation om skolskjutsar\n\nVad hände egentligen i januari? Många undrar.\n\n"
        "Jag vill därför ställa följande frågor:\n\n1. Har kommunen begärt vite?\n2. Vad görs nu?"
    )
    assert kind_questions(text, "interpellation") == ["Har kommunen begärt vite?", "Vad görs nu?"]


def test_a_short_conditional_lead_in_stays_with_its_question() -> None:
    text = BODY + "\n\n1. Följer staketet avtal? Om ja: I så fall vilket?\n2. Enligt plan: Vem bär ansvaret?"
    assert questions(text) == ["Följer staketet avtal?", "Om ja: I så fall vilket?", "Vem bär ansvaret?"]


def test_a_question_mark_in_a_web_address_asks_nothing() -> None:
    text = BODY + "\n\nSe https://www.example.se/sok?q=simskola&typ=1 för mer. Hur blir det?"
    assert questions(text) == ["Hur blir det?"]


def test_a_question_mark_for_a_lost_letter_in_a_name_asks_nothing() -> None:
    text = BODY + "\n\nAnna Berg (S) och Ermin Kovačevi? (S) har lämnat in en motion om skor."
    assert questions(text) == []


def test_a_page_about_documents_asks_only_after_a_question_intro() -> None:
    # a blog or news post comments with rhetorical questions; it poses none formally
    text = (
        "Bloggen: svaret om hamnbolaget\n\nI går svarade ordföranden på vår interpellation. "
        "Men vem styr egentligen bolaget? Är det inte fullmäktige?\n\nVi återkommer i frågan."
    )
    assert kind_questions(text, "other") == []
    assert kind_questions(text, "interpellation") == [
        "Men vem styr egentligen bolaget?",
        "Är det inte fullmäktige?",
    ]


def test_questions_before_an_intro_with_the_subject_first_are_background() -> None:
    text = (
        "Interpellation om lekplatser\n\nVem tar ansvar när gungorna går sönder? Ingen vet.\n\n"
        "Jag vill därför fråga tekniska nämndens ordförande:\n\n• Hur ofta besiktas lekplatserna?"
    )
    assert kind_questions(text, "interpellation") == ["Hur ofta besiktas lekplatserna?"]


def test_a_question_announced_with_min_fraga_ar_darfor_leaves_the_background_out() -> None:
    text = (
        "Enkel fråga om biblioteket\n\nVad säger det om oss, när biblioteket stänger tidigt?\n\n"
        "Min fråga är därför:\n\nHur stor blir besparingen?"
    )
    assert kind_questions(text, "fraga") == ["Hur stor blir besparingen?"]


def test_a_request_among_numbered_questions_after_an_intro_is_asked_too() -> None:
    text = (
        "Interpellation om förskolan\n\nKöerna växer.\n\nJag vill därför fråga ordföranden:\n\n"
        "1. Hur många barn står i kö?\n2. En redovisning av hur platsbehovet har beräknats.\n"
        "3. När öppnar den nya förskolan?\n\nKalmar den 3 mars 2021\n\nJonas Ek (L)\n"
    )
    assert kind_questions(text, "interpellation") == [
        "Hur många barn står i kö?",
        "En redovisning av hur platsbehovet har beräknats",
        "När öppnar den nya förskolan?",
    ]


def test_a_numbered_list_of_statements_after_the_questions_is_not_asked() -> None:
    text = (
        "Interpellation om förskolan\n\nJag vill därför fråga ordföranden:\n\n"
        "1. Hur många barn står i kö?\n\nBakgrund i siffror:\n\n"
        "1. Kön var 40 barn i fjol.\n2. Den är 60 nu.\n"
    )
    assert kind_questions(text, "interpellation") == ["Hur många barn står i kö?"]


def test_a_web_pages_feedback_prompt_is_no_question() -> None:
    text = (
        "Interpellation om simhallen\n\nJag vill därför fråga ordföranden:\n\n1. När öppnar simhallen?\n\n"
        "Lisa Ek (M)\n\nHittade du det du sökte?\nJa  Nej\n"
    )
    assert kind_questions(text, "interpellation") == ["När öppnar simhallen?"]


def test_a_text_with_nothing_telling_its_kind_keeps_only_the_questions_it_poses_formally() -> None:
    """A letter to the editor or a commentary asks rhetorically; where such a text leads into
    its questions ('Jag vill därför fråga:'), those count."""
    import radsdok

    musing = (
        "Om bussarna\n\nVarför ska landsbygden alltid stå tillbaka? Bussen går två gånger om dagen. "
        "Vem har bestämt det?\n\nLena Ek, Dals-Ed\n"
    )
    assert radsdok.parse_text(musing).questions == []
    asking = musing.replace("Lena Ek", "Jag vill därför fråga:\n\nNär kommer en tätare tidtabell?\n\nLena Ek")
    assert [q.text for q in radsdok.parse_text(asking).questions] == ["När kommer en tätare tidtabell?"]


def test_questions_in_readers_comments_below_a_post_are_not_the_documents() -> None:
    """A blog that publishes an interpellation keeps its readers' comments and related posts
    below it; questions there belong to no document, while a comment counter in the post's
    header line ends nothing."""
    import radsdok

    post = (
        "Interpellation om lekplatsen i Berga\n\n2 kommentarer\n\nLekplatsen har varit avstängd sedan "
        "maj.\n\nJag vill därför fråga tekniska nämndens ordförande:\n\n1. När öppnar lekplatsen igen?\n\n"
        "Eva Ström (C)\n\nKommentarer (2)\n\nOlle skrev:\nVem har ansvaret för att den stängdes?\n\n"
        "Relaterade inlägg\nVarför läggs biblioteket ner?\n"
    )
    assert [q.text for q in radsdok.parse_text(post).questions] == ["När öppnar lekplatsen igen?"]


def test_asking_that_the_chair_answer_the_following_introduces_listed_questions() -> None:
    """'Jag vill därför att <role> besvarar följande:' leads into the questions, listed without
    '?' as often as with, and names whom they are put to."""
    import radsdok

    text = (
        "Interpellation om badhuset\n\nBadhuset har stått stängt i ett år. Varför dröjer det?\n\n"
        "Jag vill därför att kultur- och fritidsnämndens ordförande besvarar följande:\n\n"
        "- Vilka reparationer återstår\n- När öppnar badhuset igen\n\nLars Ek (S)\n"
    )
    doc = radsdok.parse_text(text)
    assert [q.text for q in doc.questions] == ["Vilka reparationer återstår", "När öppnar badhuset igen"]
    assert [a.role for a in doc.addressees] == ["kultur- och fritidsnämndens ordförande"]


def test_an_agenda_item_put_as_a_question_is_no_question_and_a_login_prompt_neither() -> None:
    """A meeting notice lists matters ('Budgeten – vad yrkar vi?'): it asks nothing itself; a
    site's login box ('Glömt ditt lösenord?') asks the reader, not the council."""
    from radsdok.components.questions import find_questions

    agenda = "Kallelse till medlemsmöte\n\nDagordning\n1. Budgeten – vad yrkar vi på i juni?\n2. Övrigt\n"
    assert find_questions(agenda, [], "kallelse") == []
    page = "Om lekparken\n\nJag vill fråga ordföranden:\n\nNär öppnar parken?\n\nGlömt ditt lösenord?\n"
    assert [q.text for q in find_questions(page, [], "interpellation")] == ["När öppnar parken?"]


def test_a_numbered_question_wrapped_before_a_place_name_stays_one_question() -> None:
    # the wrapped line 'och' / 'Sörby …' starts with a capital, but a list entry holds no heading
    text = (
        "Mina frågor till tekniska nämndens ordförande:\n\n"
        "1.  Hur länge ska gatubelysningen vara släckt i Hjo och\n"
        "    Sörby innan lamporna byts?\n"
        "2.  När fick nämnden veta att stolparna vid\n"
        "    Korsberga var rostiga?\n"
    )
    assert questions(text) == [
        "Hur länge ska gatubelysningen vara släckt i Hjo och Sörby innan lamporna byts?",
        "När fick nämnden veta att stolparna vid Korsberga var rostiga?",
    ]


def test_a_question_wrapped_after_a_preposition_before_a_place_name_is_one_question() -> None:
    text = (
        "Min fråga till ordföranden är:\n\n"
        "Hur många timmar under sommaren har ambulansstationen i\nStoruman saknat bemannad ambulans?\n"
    )
    assert questions(text) == [
        "Hur många timmar under sommaren har ambulansstationen i Storuman saknat bemannad ambulans?"
    ]


def test_questions_in_a_saved_facebook_posts_comments_are_not_the_posts() -> None:
    text = (
        "Vänsterpartiet Sörby\n23 september 2024 · 🌐\n\n"
        "Idag ställde jag en enkel fråga till kultur- och fritidsnämndens ordförande:\n\n"
        "När öppnar ishallen igen?\n\nEva Ek (V)\n\n"
        "Gilla · Kommentera · Dela\n👍 Anna Berg och 34 andra gillar detta.\n\n"
        "Sune Lind Vad blev svaret?\n23 september 2024 kl. 16:55 · Gilla\n"
    )
    assert questions(text) == ["När öppnar ishallen igen?"]


def test_a_question_holding_an_abbreviation_with_its_dot_is_one_question() -> None:
    # 'enl.', 'ang.', 'ev.' end no sentence, though a name follows: each question runs on to
    # its question mark
    asked = [
        "Vilka insatser görs enl. SoL och LVM i dag?",
        "Finns en plan ang. Kvarnbyskolans elever?",
        "Ska ev. Tekniska nämnden ta över ansvaret?",
    ]
    listed = "".join(f"{n}. {q}\n" for n, q in enumerate(asked, start=1))
    head = "Interpellation till socialnämndens ordförande"
    text = f"{head}\n\n{BODY}\n\nMina frågor är:\n\n{listed}\nPer Ek (V)\n"
    assert questions(text) == asked


def test_a_question_after_an_intros_colon_starts_there_though_in_lower_case() -> None:
    # Swedish may go on in lower case after a colon: the intro is no part of the question
    text = (
        "Interpellation till kommunstyrelsens ordförande\n\n"
        f"{BODY}\n\nMin fråga blir därför: varför har ingenting hänt sedan beslutet?\n\nPer Ek (V)\n"
    )
    assert questions(text) == ["varför har ingenting hänt sedan beslutet?"]
