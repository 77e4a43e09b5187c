#!/usr/bin/env python3
"""Writes the independent labelled set for Rapport's health analysis: labelled.mbox and labels.tsv.

Thirty invented conversations between "us" (Kolka hugbúnaður ehf., kolka.is, a small Icelandic
software company) and thirty invented counterparties, in English and Icelandic. Seventeen are
built to show a flag kind, thirteen are healthy with traps (recovered complaints, idioms,
automated mail, deadlines, new colleagues, settled negotiations, quoted anger). Nothing here is
derived from Samples/. Standard library only; deterministic (a re-run writes identical files).

    python3 Tests/RapportHealthTests/Labelled/make_labelled.py
"""
import hashlib
import os
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))

PEOPLE = {
    # us
    "sunna": ("Sunna Ragnarsdóttir", "sunna@kolka.is"),
    "david": ("Davíð Þórsson", "david@kolka.is"),
    "helga": ("Helga Einarsdóttir", "helga@kolka.is"),
    "mark": ("Mark Ellison", "mark@kolka.is"),
    "support": ("Kolka þjónustuver", "support@kolka.is"),
    # them
    "emma": ("Emma Price", "emma.price@harbourlane.co.uk"),
    "gudmundur": ("Guðmundur Hauksson", "gudmundur@saebraut.is"),
    "karen": ("Karen Doyle", "k.doyle@northgatelogistics.com"),
    "thordur": ("Þórður Valsson", "thordur@rafvirkinn.is"),
    "rachel": ("Rachel Green", "rachel.green@pinewooddental.co.uk"),
    "alan": ("Alan Pierce", "alan.pierce@pinewooddental.co.uk"),
    "olafur": ("Ólafur Karlsson", "olafur@hvammur.is"),
    "katrin": ("Katrín Jónsdóttir", "katrin.jonsdottir@hvammur.is"),
    "tomh": ("Tom Hale", "tom.hale@alderfinch.co.uk"),
    "rosa": ("Rósa Benediktsdóttir", "rosa@asdvalar.is"),
    "jenna": ("Jenna Brooks", "jenna@brooksvet.com"),
    "eva": ("Eva Sigurðardóttir", "eva@ylur.is"),
    "liam": ("Liam O'Connor", "liam.oconnor.design@gmail.com"),
    "sigrun": ("Sigrún Pálsdóttir", "sigrun@hlid.is"),
    "priyanka": ("Priyanka Shah", "priyanka.shah@marlowretail.com"),
    "sophie": ("Sophie Turner", "sophie.turner@ridgewayhotels.co.uk"),
    "hannes": ("Hannes Gíslason", "hannes@grettir.is"),
    "olivia": ("Olivia Bennett", "o.bennett@fenwickhousing.org.uk"),
    "dmoss": ("Daniel Moss", "daniel.moss@kestrelpay.com"),
    "nina": ("Nina Patel", "nina@oakridgepharmacy.co.uk"),
    "bjork": ("Björk Arnardóttir", "bjork@sogur.is"),
    "iain": ("Iain Ross", "iain.ross@glenmoredistillery.co.uk"),
    "hjalti": ("Hjalti Magnússon", "hjalti@lagastod.is"),
    "cloudmeter": ("CloudMeter", "noreply@cloudmeter.io"),
    "claire": ("Claire Dawson", "c.dawson@millbrookschool.org.uk"),
    "jona": ("Jóna Baldursdóttir", "jona@kolka-radgjof.is"),
    "tomb": ("Tom Baker", "tom@hollybushgc.co.uk"),
    "anna": ("Anna Kowalski", "anna.kowalski@seabrightcinemas.com"),
    "kari": ("Kári Stefánsson", "kari@endnord.is"),
    "ben": ("Ben Carter", "ben.carter@thornburyfoods.com"),
    "lucy": ("Lucy Hart", "lucy.hart@thornburyfoods.com"),
    "jack": ("Jack Morgan", "jack@lakesideleisure.co.uk"),
    "thora": ("Þóra Gunnarsdóttir", "thora@hotelfjara.is"),
}

# Each thread: id, subject, account (domain or free-mail address), expected, kinds, messages.
# A message: (date "YYYY-MM-DD HH:MM", sender, to, cc, body). A kind ending in "?" is optional:
# the thread may or may not show it (it is neither a hit nor a false alarm).
THREADS = [
    ("T01", "Renewal of the reading-room licences", "harbourlane.co.uk", "flag", "deteriorating-tone,conflict?,responsiveness-drop?", [
        ("2025-06-02 09:10", "emma", ["mark"], [], "Hi Mark,\n\nThanks so much for the lovely demo last week! The whole team loved it and we are keen to carry on next year.\n\nCould you send the renewal pack when you have a moment?\n\nBest wishes,\nEmma"),
        ("2025-06-02 14:30", "mark", ["emma"], [], "Hi Emma,\n\nGreat to hear, thank you! The renewal pack is attached. Would Thursday suit for a quick call to go through it?\n\nBest regards,\nMark"),
        ("2025-06-04 10:05", "emma", ["mark"], [], "Brilliant, thank you Mark! Thursday is perfect. Have a great week!\n\nEmma"),
        ("2025-07-10 11:00", "mark", ["emma"], [], "Hi Emma,\n\nA quick update: the new catalogue sync went live on Monday. Let me know how it works for you.\n\nBest regards,\nMark"),
        ("2025-07-18 16:20", "emma", ["mark"], [], "Mark,\n\nWe've had a few problems with the catalogue sync since the update. Titles are missing from the reading-room screens. Not ideal.\n\nEmma"),
        ("2025-07-21 09:00", "mark", ["emma"], [], "Hi Emma,\n\nSorry about that. We found the cause and deployed a fix this morning.\n\nBest regards,\nMark"),
        ("2025-08-20 15:45", "emma", ["mark"], [], "Mark,\n\nThe sync failed again last week and the screens were blank for two days. Honestly this is disappointing; we expected better for what we pay.\n\nEmma"),
        ("2025-08-21 10:10", "mark", ["emma"], [], "Emma,\n\nI'm sorry. Our support lead is looking at it personally and will call you today.\n\nMark"),
        ("2025-09-15 17:30", "emma", ["mark"], [], "Still not fixed. The staff are frustrated and have lost confidence in the system. This is not acceptable.\n\nE."),
        ("2025-09-16 08:40", "mark", ["emma"], [], "Emma,\n\nUnderstood. I'll come to the shop on Friday with a fix and a plan.\n\nMark"),
    ]),
    ("T02", "Þjónustusamningur og uppfærslur", "saebraut.is", "flag", "deteriorating-tone,conflict?", [
        ("2025-04-07 10:00", "gudmundur", ["sunna"], [], "Sæl Sunna,\n\nTakk kærlega fyrir fundinn í gær, þetta lítur mjög vel út. Við hlökkum til að byrja.\n\nBestu kveðjur,\nGuðmundur"),
        ("2025-04-08 09:15", "sunna", ["gudmundur"], [], "Sæll Guðmundur,\n\nTakk sömuleiðis. Ég sendi þér uppsetningaráætlun í vikunni.\n\nKveðja,\nSunna"),
        ("2025-05-12 13:40", "gudmundur", ["sunna"], [], "Sæl Sunna,\n\nUppsetningin gekk vel, frábært starf hjá ykkur. Takk fyrir.\n\nKveðja,\nGuðmundur"),
        ("2025-06-16 11:00", "sunna", ["gudmundur"], [], "Sæll Guðmundur,\n\nHvernig gengur með kerfið? Er eitthvað sem við getum bætt?\n\nKveðja,\nSunna"),
        ("2025-06-30 15:10", "gudmundur", ["sunna"], [], "Sunna,\n\nÞað hafa verið vandræði með skýrslurnar. Þær eru oft rangar og það tekur tíma að laga þær.\n\nGuðmundur"),
        ("2025-07-01 09:30", "sunna", ["gudmundur"], [], "Sæll Guðmundur,\n\nLeitt að heyra. Við förum strax í málið.\n\nKveðja,\nSunna"),
        ("2025-08-25 14:00", "gudmundur", ["sunna"], [], "Skýrslurnar eru enn rangar. Þetta er mjög pirrandi og við erum ekki sátt við þjónustuna.\n\nG."),
        ("2025-08-26 10:20", "sunna", ["gudmundur"], [], "Sæll Guðmundur,\n\nÉg skil það vel. Við erum að endurskrifa skýrslugerðina og klárum hana í september.\n\nKveðja,\nSunna"),
        ("2025-10-06 16:50", "gudmundur", ["sunna"], [], "Ég er orðinn þreyttur á þessu. Skýrslurnar eru enn vitlausar og þetta er óviðunandi.\n\nG."),
        ("2025-10-07 09:00", "sunna", ["gudmundur"], [], "Sæll Guðmundur,\n\nÉg hringi í þig í dag.\n\nSunna"),
    ]),
    ("T03", "Invoice 4471 and the missed delivery", "northgatelogistics.com", "flag", "conflict,negotiation-issue:price?,negotiation-issue:contract?", [
        ("2025-09-01 09:00", "david", ["karen"], [], "Karen,\n\nThe delivery due on Friday never arrived, and now we see invoice 4471 charging us for it. This is the second time this quarter. Please explain.\n\nDavíð"),
        ("2025-09-02 08:30", "karen", ["david"], [], "Davíð,\n\nOur records show the delivery was attempted and nobody was on site to sign for it. The invoice stands. I don't appreciate the suggestion that we charge for work we didn't do.\n\nKaren Doyle"),
        ("2025-09-02 11:15", "david", ["karen"], [], "Karen,\n\nNobody attempted anything; our reception was staffed all day. We will not pay for a delivery that did not happen. Frankly, your team's excuses are wearing thin.\n\nDavíð"),
        ("2025-09-04 13:00", "karen", ["david"], [], "Davíð,\n\nWe have photos from the driver. If you refuse to pay, we will pass the invoice to our collections agency. That's our position.\n\nKaren"),
        ("2025-09-05 09:20", "david", ["karen"], [], "Send the photos. Until then the invoice is disputed.\n\nDavíð"),
    ]),
    ("T04", "Reikningur vegna viðgerðar", "rafvirkinn.is", "flag", "conflict,negotiation-issue:price?", [
        ("2025-10-01 10:00", "helga", ["thordur"], [], "Sæll Þórður,\n\nReikningurinn fyrir viðgerðina á töflunni er tvöfalt hærri en tilboðið. Getur þú útskýrt þetta?\n\nKveðja,\nHelga"),
        ("2025-10-03 14:30", "thordur", ["helga"], [], "Helga,\n\nViðgerðin var umfangsmeiri en reiknað var með. Þið báðuð um aukaverk og það kostar. Ég sætti mig ekki við að vera sakaður um svindl.\n\nÞórður"),
        ("2025-10-03 16:00", "helga", ["thordur"], [], "Þórður,\n\nEnginn bað um aukaverk. Þetta er óásættanlegt og við greiðum ekki reikninginn í þessari mynd.\n\nHelga"),
        ("2025-10-06 09:10", "thordur", ["helga"], [], "Ef reikningurinn verður ekki greiddur fer hann í innheimtu. Ég hef fengið nóg af þessu.\n\nÞórður"),
    ]),
    ("T05", "Appointment booking outages", "pinewooddental.co.uk", "flag", "escalation,deteriorating-tone?,conflict?", [
        ("2025-05-05 08:30", "rachel", ["mark"], [], "Hi Mark,\n\nOur online booking was down for most of Monday morning. Could you look into what happened?\n\nThanks,\nRachel"),
        ("2025-05-05 10:00", "mark", ["rachel"], [], "Hi Rachel,\n\nSorry about that. We're investigating and I'll update you this afternoon.\n\nBest regards,\nMark"),
        ("2025-05-14 09:20", "rachel", ["mark"], [], "Mark,\n\nIt happened again this morning. Patients couldn't book and reception was swamped. We need a proper fix.\n\nRachel"),
        ("2025-05-15 12:00", "mark", ["rachel"], [], "Rachel,\n\nWe've deployed a fix for the connection pool that caused both outages. I'm sorry for the disruption.\n\nMark"),
        ("2025-05-27 09:05", "rachel", ["mark"], ["alan"], "Mark,\n\nA third outage today. I've copied Dr Alan Pierce, our managing director, because this is now affecting revenue. We expect a written explanation and a plan by Friday.\n\nRachel Green"),
        ("2025-05-28 10:30", "mark", ["rachel", "alan"], [], "Dear Rachel, dear Dr Pierce,\n\nI apologise. A written root-cause analysis and our plan will be with you on Thursday.\n\nMark Ellison"),
    ]),
    ("T06", "Galli í birgðakerfi og bætur", "hvammur.is", "flag", "escalation,conflict,negotiation-issue:contract,deteriorating-tone?,negotiation-issue:discount?", [
        ("2025-03-03 09:00", "olafur", ["sunna"], [], "Sæl Sunna,\n\nBirgðakerfið sýndi rangar tölur alla síðustu viku og við sendum of lítið til kaupenda. Við teljum að þið berið ábyrgð á tjóninu samkvæmt samningnum.\n\nKveðja,\nÓlafur"),
        ("2025-03-04 10:00", "sunna", ["olafur"], [], "Sæll Ólafur,\n\nLeitt að heyra þetta. Við skoðum málið strax og ég læt þig vita.\n\nKveðja,\nSunna"),
        ("2025-03-12 08:45", "olafur", ["sunna"], [], "Sunna,\n\nVið höfum ekki fengið nein svör. Þetta er óásættanlegt. Við förum fram á bætur samkvæmt grein 9 í samningnum.\n\nÓlafur"),
        ("2025-03-13 15:00", "sunna", ["olafur"], [], "Sæll Ólafur,\n\nVilla í samstillingu olli röngu tölunum og hún hefur verið lagfærð. Við bjóðum 10% inneign á næsta reikning.\n\nKveðja,\nSunna"),
        ("2025-03-20 11:30", "olafur", ["sunna"], ["katrin"], "Sunna,\n\nTilboðið er ekki í neinu samræmi við tjónið. Katrín Jónsdóttir, lögfræðingur okkar, er komin í afrit og tekur málið yfir.\n\nÓlafur"),
        ("2025-03-24 14:00", "katrin", ["sunna"], ["olafur"], "Góðan dag,\n\nUndirrituð gætir hagsmuna Fiskvinnslunnar Hvamms hf. Þess er krafist að tjónið verði bætt að fullu innan 14 daga samkvæmt grein 9 í samningi aðila, ella verður málinu vísað til dómstóla.\n\nKatrín Jónsdóttir"),
        ("2025-03-25 09:00", "sunna", ["katrin"], ["olafur"], "Góðan dag,\n\nMóttekið. Við svörum formlega fyrir vikulok.\n\nSunna Ragnarsdóttir"),
    ]),
    ("T07", "Annual licence quote 2026", "alderfinch.co.uk", "flag", "negotiation-issue:price,negotiation-issue:competitor,negotiation-issue:discount?", [
        ("2025-10-01 10:00", "mark", ["tomh"], [], "Hi Tom,\n\nPlease find our quote for 2026 attached: £48,000 for 40 seats, including support. Happy to walk you through it.\n\nBest regards,\nMark"),
        ("2025-10-08 16:00", "tomh", ["mark"], [], "Thanks Mark.\n\nTo be honest the price is higher than we expected; our budget is closer to £38,000. Another vendor has offered us a similar package for less. Can you do better?\n\nTom"),
        ("2025-10-09 09:30", "mark", ["tomh"], [], "Hi Tom,\n\nWe can offer 5% off for a two-year commitment.\n\nBest regards,\nMark"),
        ("2025-10-20 11:00", "tomh", ["mark"], [], "Mark,\n\nAppreciate it, but 5% doesn't move the needle. The competing quote is still 20% cheaper and our finance team wants to see a lower price before we sign.\n\nTom"),
        ("2025-10-21 10:00", "mark", ["tomh"], [], "Tom,\n\nUnderstood. Let me talk to my team and come back to you this week.\n\nMark"),
    ]),
    ("T08", "Tilboð í nýtt bókhaldskerfi", "asdvalar.is", "flag", "negotiation-issue:stall", [
        ("2025-06-02 10:00", "david", ["rosa"], [], "Sæl Rósa,\n\nMeðfylgjandi er tilboð í nýtt bókhaldskerfi fyrir heimilið, eins og við ræddum.\n\nKveðja,\nDavíð"),
        ("2025-06-16 13:00", "rosa", ["david"], [], "Sæll Davíð,\n\nTakk fyrir tilboðið. Við þurfum að ræða þetta í stjórninni og viljum fresta ákvörðun fram í ágúst.\n\nKveðja,\nRósa"),
        ("2025-06-17 09:00", "david", ["rosa"], [], "Sæl Rósa,\n\nEkkert mál, ég heyri í þér í ágúst.\n\nKveðja,\nDavíð"),
        ("2025-08-19 10:00", "david", ["rosa"], [], "Sæl Rósa,\n\nHefur stjórnin tekið afstöðu til tilboðsins?\n\nKveðja,\nDavíð"),
        ("2025-08-28 15:30", "rosa", ["david"], [], "Sæll Davíð,\n\nÞví miður höfum við ekki náð að klára þetta. Stjórnin frestaði málinu aftur og ákvörðun verður líklega ekki tekin fyrr en eftir áramót.\n\nKveðja,\nRósa"),
        ("2025-08-29 09:00", "david", ["rosa"], [], "Sæl Rósa,\n\nSkil þig. Tilboðið stendur, ég hef samband í janúar.\n\nKveðja,\nDavíð"),
    ]),
    ("T09", "Contract renewal – notice", "brooksvet.com", "flag", "negotiation-issue:walkaway,negotiation-issue:competitor?,negotiation-issue:contract?", [
        ("2025-09-10 10:00", "mark", ["jenna"], [], "Hi Jenna,\n\nA reminder that your contract renews on 1 January. Shall we book a review call?\n\nBest regards,\nMark"),
        ("2025-09-22 17:00", "jenna", ["mark"], [], "Mark,\n\nWe've reviewed our options. Given the problems this year we are not planning to renew, and we will be moving to another provider in January unless something changes significantly.\n\nJenna"),
        ("2025-09-23 09:00", "mark", ["jenna"], [], "Jenna,\n\nI'm sorry to hear that. Could we meet next week to talk it through?\n\nMark"),
        ("2025-09-30 16:00", "jenna", ["mark"], [], "We can have a call, but I want to be clear that we intend to terminate the contract at the end of the term.\n\nJenna"),
        ("2025-10-01 09:30", "mark", ["jenna"], [], "Understood, Jenna. I've sent an invitation for Tuesday at 10.\n\nMark"),
    ]),
    ("T10", "Afsláttur vegna fjölgunar notenda", "ylur.is", "flag", "negotiation-issue:discount,negotiation-issue:price?", [
        ("2025-05-06 10:00", "eva", ["david"], [], "Sæll Davíð,\n\nVið erum að bæta við 25 notendum. Getum við fengið magnafslátt? Við vorum að vonast eftir 20% afslætti.\n\nKveðja,\nEva"),
        ("2025-05-07 11:00", "david", ["eva"], [], "Sæl Eva,\n\nVið getum boðið 10% afslátt af viðbótinni.\n\nKveðja,\nDavíð"),
        ("2025-05-14 14:00", "eva", ["david"], [], "Davíð,\n\n10% er of lítið. Við þurfum að minnsta kosti 15% afslátt og að uppsetningargjaldið falli niður.\n\nEva"),
        ("2025-05-15 09:00", "david", ["eva"], [], "Sæl Eva,\n\nÉg skoða málið með framkvæmdastjóranum og svara þér á morgun.\n\nDavíð"),
    ]),
    ("T11", "Question about the starter plan", "liam.oconnor.design@gmail.com", "flag", "unanswered", [
        ("2025-10-20 19:00", "liam", ["support"], [], "Hi,\n\nI run a two-person design studio. Does the starter plan include invoicing, and can I pay annually?\n\nThanks,\nLiam"),
        ("2025-10-21 09:30", "helga", ["liam"], ["support"], "Hi Liam,\n\nYes, invoicing is included. I'll check with sales about annual billing and get back to you.\n\nBest,\nHelga"),
        ("2025-10-22 20:15", "liam", ["helga"], ["support"], "Great, thanks. Could you also tell me whether there's a discount for paying annually? I need to decide before the end of the month.\n\nLiam"),
    ]),
    ("T12", "Fyrirspurn um kassakerfi fyrir þrjár verslanir", "hlid.is", "flag", "unanswered", [
        ("2025-10-27 10:00", "sigrun", ["david"], [], "Góðan dag,\n\nVið rekum þrjár verslanir og erum að skoða nýtt kassakerfi. Gætirðu sent mér verðtilboð?\n\nKveðja,\nSigrún"),
        ("2025-11-10 11:00", "sigrun", ["david"], [], "Sæll Davíð,\n\nÉg hef ekki fengið svar við fyrirspurninni hér fyrir neðan. Er enn áhugi á að senda okkur tilboð?\n\nKveðja,\nSigrún"),
    ]),
    ("T13", "Weekly data exports", "marlowretail.com", "flag", "responsiveness-drop", [
        ("2025-05-05 09:00", "mark", ["priyanka"], [], "Hi Priyanka,\n\nWould you like the weekly exports as CSV or Excel?\n\nBest,\nMark"),
        ("2025-05-05 15:00", "priyanka", ["mark"], [], "Hi Mark,\n\nCSV please, thanks!\n\nPriyanka"),
        ("2025-05-19 09:00", "mark", ["priyanka"], [], "Hi Priyanka,\n\nShould the export include the online store as well as the shops?\n\nBest,\nMark"),
        ("2025-05-20 10:00", "priyanka", ["mark"], [], "Hi Mark,\n\nYes, both please. Thanks for checking.\n\nPriyanka"),
        ("2025-06-09 09:00", "mark", ["priyanka"], [], "Hi Priyanka,\n\nCan we move the export from Monday to Sunday night?\n\nBest,\nMark"),
        ("2025-06-10 11:00", "priyanka", ["mark"], [], "Sunday night is fine. Thanks!\n\nPriyanka"),
        ("2025-07-07 09:00", "mark", ["priyanka"], [], "Hi Priyanka,\n\nCould you confirm the new column names before we switch?\n\nBest,\nMark"),
        ("2025-07-21 16:00", "priyanka", ["mark"], [], "Mark,\n\nSorry for the delay. The names are fine.\n\nPriyanka"),
        ("2025-08-04 09:00", "mark", ["priyanka"], [], "Hi Priyanka,\n\nDo you want the August export to include returns?\n\nBest,\nMark"),
        ("2025-08-27 18:00", "priyanka", ["mark"], [], "Yes.\n\nP."),
        ("2025-09-08 09:00", "mark", ["priyanka"], [], "Hi Priyanka,\n\nShall we keep the exports running over the holiday season?\n\nBest,\nMark"),
        ("2025-10-06 17:00", "priyanka", ["mark"], [], "Fine.\n\nP."),
        ("2025-10-07 09:00", "mark", ["priyanka"], [], "Thanks Priyanka, noted.\n\nMark"),
    ]),
    ("T14", "Onboarding the Leeds team", "ridgewayhotels.co.uk", "flag", "disengagement", [
        ("2025-09-01 10:00", "sophie", ["mark"], [], "Hi Mark,\n\nWe'd like to onboard the Leeds team in October. Can you send some dates?\n\nThanks,\nSophie"),
        ("2025-09-02 09:00", "mark", ["sophie"], [], "Hi Sophie,\n\nWe have 13, 20 or 27 October. Which suits you best?\n\nBest,\nMark"),
        ("2025-09-03 14:00", "sophie", ["mark"], [], "Thanks! I'll check with the team and come back to you.\n\nSophie"),
        ("2025-09-17 10:00", "mark", ["sophie"], [], "Hi Sophie,\n\nAny news on the dates? The October slots are filling up.\n\nBest,\nMark"),
        ("2025-10-01 10:00", "mark", ["sophie"], [], "Hi Sophie,\n\nJust checking in again: shall I hold the 20 October slot for you?\n\nBest,\nMark"),
        ("2025-10-20 10:00", "mark", ["sophie"], [], "Hi Sophie,\n\nI haven't heard back. Is the Leeds onboarding still going ahead?\n\nBest,\nMark"),
    ]),
    ("T15", "Kynning á nýrri útgáfu", "grettir.is", "flag", "disengagement", [
        ("2025-09-15 10:00", "david", ["hannes"], [], "Sæll Hannes,\n\nNý útgáfa af verkbókhaldinu er komin út. Viltu að ég komi og kynni hana fyrir ykkur?\n\nKveðja,\nDavíð"),
        ("2025-09-16 13:00", "hannes", ["david"], [], "Sæll Davíð,\n\nJá, endilega. Sendu mér tillögu að tíma.\n\nHannes"),
        ("2025-09-17 09:00", "david", ["hannes"], [], "Sæll Hannes,\n\nHvað segir þú um 1. október kl. 10?\n\nKveðja,\nDavíð"),
        ("2025-10-08 10:00", "david", ["hannes"], [], "Sæll Hannes,\n\nFékkstu póstinn minn? Gætirðu látið mig vita hvort tíminn henti?\n\nKveðja,\nDavíð"),
        ("2025-10-29 10:00", "david", ["hannes"], [], "Sæll aftur Hannes,\n\nErtu enn áhugasamur um kynninguna?\n\nKveðja,\nDavíð"),
    ]),
    ("T16", "Quarterly reporting pack", "fenwickhousing.org.uk", "flag", "responsiveness-drop,disengagement", [
        ("2025-04-01 09:00", "mark", ["olivia"], [], "Hi Olivia,\n\nShall I add the arrears summary to the quarterly pack?\n\nBest,\nMark"),
        ("2025-04-01 13:00", "olivia", ["mark"], [], "Hi Mark,\n\nYes please, that would be great. Thank you!\n\nOlivia"),
        ("2025-05-06 09:00", "mark", ["olivia"], [], "Hi Olivia,\n\nCould you send me the new board dates for the pack?\n\nBest,\nMark"),
        ("2025-05-07 10:00", "olivia", ["mark"], [], "Hi Mark,\n\nHere they are: 12 June and 11 September. Thanks!\n\nOlivia"),
        ("2025-06-03 09:00", "mark", ["olivia"], [], "Hi Olivia,\n\nIs the draft pack OK to send to the board?\n\nBest,\nMark"),
        ("2025-06-04 12:00", "olivia", ["mark"], [], "Looks good, please send it. Thanks Mark.\n\nOlivia"),
        ("2025-07-01 09:00", "mark", ["olivia"], [], "Hi Olivia,\n\nDo you want the Q2 pack in the same format?\n\nBest,\nMark"),
        ("2025-07-22 15:00", "olivia", ["mark"], [], "Same format.\n\nO."),
        ("2025-08-05 09:00", "mark", ["olivia"], [], "Hi Olivia,\n\nCan you confirm who should receive the pack while you are on leave?\n\nBest,\nMark"),
        ("2025-09-09 16:00", "olivia", ["mark"], [], "Apologies, busy. Send it to me.\n\nO."),
        ("2025-10-07 09:00", "mark", ["olivia"], [], "Hi Olivia,\n\nThe Q3 pack is ready. Shall I send it to the board directly this time?\n\nBest,\nMark"),
        ("2025-11-04 09:00", "mark", ["olivia"], [], "Hi Olivia,\n\nFollowing up on the Q3 pack: could you let me know where to send it?\n\nBest,\nMark"),
    ]),
    ("T17", "SLA credits for October", "kestrelpay.com", "flag", "negotiation-issue:contract,conflict?,negotiation-issue:discount?", [
        ("2025-11-03 10:00", "dmoss", ["mark"], [], "Mark,\n\nOctober availability was 99.2% against the 99.9% in schedule 3 of our agreement. Under clause 8.2 we're entitled to a service credit of 10%. Please confirm.\n\nDaniel"),
        ("2025-11-04 11:00", "mark", ["dmoss"], [], "Hi Daniel,\n\nWe calculate 99.6% excluding the planned maintenance window, which clause 8.4 excludes.\n\nBest regards,\nMark"),
        ("2025-11-06 09:30", "dmoss", ["mark"], [], "Mark,\n\nThe maintenance window was not notified five days in advance as clause 8.4 requires, so it can't be excluded. We expect the full credit under the contract.\n\nDaniel"),
        ("2025-11-07 10:00", "mark", ["dmoss"], [], "Daniel,\n\nLet me check the notice dates with our operations team and come back to you on Monday.\n\nMark"),
    ]),
    ("T18", "Password reset emails not arriving", "oakridgepharmacy.co.uk", "healthy", "", [
        ("2025-06-09 08:10", "nina", ["support"], [], "This is really frustrating. None of our staff can reset their passwords and we have a pharmacy to run! Please fix this today.\n\nNina Patel"),
        ("2025-06-09 08:40", "helga", ["nina"], ["support"], "Hi Nina,\n\nSorry about this. We've found the problem: the mail relay rejected the reset emails. Fixing it now.\n\nHelga"),
        ("2025-06-09 09:15", "helga", ["nina"], ["support"], "Hi Nina,\n\nFixed. Could you try a reset again?\n\nHelga"),
        ("2025-06-10 08:05", "nina", ["helga"], ["support"], "All working now. Thank you so much for the quick help, really appreciated!\n\nNina"),
        ("2025-06-10 08:30", "helga", ["nina"], ["support"], "Glad to hear it, Nina. Have a good day!\n\nHelga"),
    ]),
    ("T19", "Prentari prentar ekki kvittanir", "sogur.is", "healthy", "", [
        ("2025-04-14 09:00", "bjork", ["support"], [], "Prentarinn prentar ekki kvittanir síðan í morgun. Þetta er ömurlegt, við getum ekki afgreitt almennilega. Hvað er í gangi???\n\nBjörk"),
        ("2025-04-14 09:20", "helga", ["bjork"], ["support"], "Sæl Björk,\n\nLeitt að heyra! Við skoðum þetta strax.\n\nKveðja,\nHelga"),
        ("2025-04-14 10:05", "helga", ["bjork"], ["support"], "Sæl aftur,\n\nBúið að laga stillinguna. Geturðu prófað aftur?\n\nHelga"),
        ("2025-04-14 10:30", "bjork", ["helga"], ["support"], "Virkar núna. Takk kærlega fyrir skjót viðbrögð, frábær þjónusta!\n\nBjörk"),
    ]),
    ("T20", "Cutover weekend plan", "glenmoredistillery.co.uk", "healthy", "", [
        ("2025-08-04 10:00", "mark", ["iain"], [], "Hi Iain,\n\nHere is the cutover plan. The timeline is aggressive but doable; the critical path is the data migration on Saturday.\n\nBest,\nMark"),
        ("2025-08-05 09:00", "iain", ["mark"], [], "Hi Mark,\n\nLooks good. No problem at all with the dates. We'll kill the old batch jobs on Friday night and shoot you a note when they're dead.\n\nCheers,\nIain"),
        ("2025-08-11 10:00", "mark", ["iain"], [], "Hi Iain,\n\nUpdated plan attached with the rollback steps. Any objections?\n\nBest,\nMark"),
        ("2025-08-11 15:00", "iain", ["mark"], [], "No objections. Not bad at all for a first draft! The deadline is tight but we'll hit it.\n\nIain"),
        ("2025-08-18 09:00", "mark", ["iain"], [], "Hi Iain,\n\nCutover done, no issues to report. The old system is officially retired.\n\nBest,\nMark"),
        ("2025-08-18 11:00", "iain", ["mark"], [], "Brilliant, thanks to the whole team!\n\nIain"),
    ]),
    ("T21", "Aðgangur fyrir nýjan fulltrúa", "lagastod.is", "healthy", "", [
        ("2025-09-08 10:00", "hjalti", ["helga"], [], "Sæl Helga,\n\nGetur þú stofnað aðgang fyrir nýjan fulltrúa hjá okkur, Önnu Sigríði?\n\nKv. Hjalti\nHjalti Magnússon lögmaður"),
        ("2025-09-08 10:30", "helga", ["hjalti"], [], "Sæll Hjalti,\n\nEkkert mál, búið. Hún fær póst með lykilorði.\n\nKveðja,\nHelga"),
        ("2025-09-09 09:00", "hjalti", ["helga"], [], "Takk fyrir, engar áhyggjur, þetta er komið.\n\nHjalti"),
    ]),
    ("T22", "Your monthly usage report", "cloudmeter.io", "healthy", "", [
        ("2025-11-03 06:00", "cloudmeter", ["support"], [], "Your usage report for October is ready.\n\nDid you know you can export this report to CSV? Want a weekly summary instead? Change your settings in the dashboard.\n\nThis is an automated message; please do not reply."),
    ]),
    ("T23", "Training session dates", "millbrookschool.org.uk", "healthy", "", [
        ("2025-10-06 10:00", "claire", ["mark"], [], "Hi Mark,\n\nCould we book two training sessions in November? Which dates do you have?\n\nThanks,\nClaire"),
        ("2025-10-06 11:00", "mark", ["claire"], [], "Hi Claire,\n\nSure! 12 or 19 November?\n\nBest,\nMark"),
        ("2025-10-07 09:00", "claire", ["mark"], [], "19 November works. Thanks!\n\nClaire"),
        ("2025-10-07 09:30", "mark", ["claire"], [], "Booked. See you then!\n\nMark"),
    ]),
    ("T24", "Reikningar fyrir október", "kolka-radgjof.is", "healthy", "", [
        ("2025-11-03 10:00", "jona", ["sunna"], [], "Reikningar fyrir október í viðhengi.\n\nJóna"),
        ("2025-11-03 11:00", "sunna", ["jona"], [], "Móttekið.\n\nS."),
        ("2025-11-04 09:00", "jona", ["sunna"], [], "Leiðrétt útgáfa í viðhengi, ein lína var tvítalin.\n\nJóna"),
        ("2025-11-04 09:30", "sunna", ["jona"], [], "Takk.\n\nS."),
    ]),
    ("T25", "Missing stock counts", "hollybushgc.co.uk", "healthy", "", [
        ("2025-07-01 09:00", "tomb", ["support"], [], "Hi,\n\nThe stock counts from Saturday are missing from the weekly report. Could you check?\n\nThanks,\nTom"),
        ("2025-07-01 10:30", "helga", ["tomb"], ["support"], "Hi Tom,\n\nFound it: a delayed sync. I've re-run the report and the counts are there now.\n\nBest,\nHelga"),
        ("2025-07-02 08:15", "tomb", ["helga"], ["support"], "All there now, thanks a lot! Gary found his email from when we first went live and it still makes us laugh:\n\nOn 3 March 2025, at 07:02, Gary Hollins wrote:\n> This is ridiculous. The system is useless and your support is a joke.\n> I am furious and I want a refund immediately or we are cancelling.\n\nHow times change!\n\nTom"),
    ]),
    ("T26", "Proposal for the loyalty module", "seabrightcinemas.com", "healthy", "", [
        ("2025-09-01 10:00", "mark", ["anna"], [], "Hi Anna,\n\nAttached is our proposal for the loyalty module: £12,000 a year for all six cinemas.\n\nBest,\nMark"),
        ("2025-09-03 14:00", "anna", ["mark"], [], "Thanks Mark. The price is a bit above our budget. Could you include the reporting add-on at no extra cost?\n\nAnna"),
        ("2025-09-04 09:00", "mark", ["anna"], [], "Hi Anna,\n\nYes, we can include the reporting add-on.\n\nBest,\nMark"),
        ("2025-09-05 11:00", "anna", ["mark"], [], "Perfect, that works for us. The signed order form is attached. Thank you, we're looking forward to working together!\n\nAnna"),
    ]),
    ("T27", "Skilafrestir vegna ársuppgjörs", "endnord.is", "healthy", "", [
        ("2025-11-10 10:00", "kari", ["sunna"], [], "Sæl Sunna,\n\nSkilafrestur á gögnunum er 1. desember. Geturðu staðfest að kerfið verði tilbúið fyrir þann tíma?\n\nKveðja,\nKári"),
        ("2025-11-10 13:00", "sunna", ["kari"], [], "Sæll Kári,\n\nJá, það verður tilbúið 25. nóvember.\n\nKveðja,\nSunna"),
        ("2025-11-11 09:00", "kari", ["sunna"], [], "Frábært. Við þurfum svo uppgjörsskýrsluna fyrir 5. desember í síðasta lagi.\n\nKári"),
        ("2025-11-11 10:00", "sunna", ["kari"], [], "Ekkert mál, takk fyrir.\n\nSunna"),
    ]),
    ("T28", "API keys for the new warehouse", "thornburyfoods.com", "healthy", "", [
        ("2025-10-13 09:00", "ben", ["helga"], [], "Hi Helga,\n\nCould you issue API keys for the Bristol warehouse?\n\nThanks,\nBen"),
        ("2025-10-13 11:00", "helga", ["ben"], [], "Hi Ben,\n\nDone; the keys are in a separate email.\n\nBest,\nHelga"),
        ("2025-10-14 09:00", "ben", ["helga"], ["lucy"], "Thanks! Adding Lucy Hart from our IT team, who will run the integration.\n\nBen"),
        ("2025-10-14 10:00", "helga", ["lucy"], ["ben"], "Welcome Lucy! Let me know if anything is unclear.\n\nHelga"),
        ("2025-10-15 09:00", "lucy", ["helga"], ["ben"], "Thanks Helga, the keys work fine.\n\nLucy"),
    ]),
    ("T29", "Christmas rota setup", "lakesideleisure.co.uk", "healthy", "", [
        ("2025-01-06 10:00", "jack", ["mark"], [], "Hi Mark,\n\nThanks for setting up the rota last year. We'll be in touch again in the autumn.\n\nJack"),
        ("2025-01-06 11:00", "mark", ["jack"], [], "Great, speak then!\n\nMark"),
        ("2025-11-17 09:00", "jack", ["mark"], [], "Hi Mark,\n\nAutumn already! Can we set up the Christmas rota again?\n\nJack"),
        ("2025-11-17 10:00", "mark", ["jack"], [], "Of course. I'll send the template tomorrow.\n\nMark"),
        ("2025-11-26 15:00", "jack", ["mark"], [], "Lovely, thanks.\n\nJack"),
    ]),
    ("T30", "Spurning um mánaðarskýrslu", "hotelfjara.is", "healthy", "", [
        ("2025-11-24 09:00", "thora", ["helga"], [], "Sæl Helga,\n\nHvernig breyti ég dagsetningunni á mánaðarskýrslunni?\n\nKveðja,\nÞóra"),
    ]),
]

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def address_header(keys):
    return ", ".join(f'"{PEOPLE[k][0]}" <{PEOPLE[k][1]}>' for k in keys)


def message_id(thread, number, sender):
    digest = hashlib.sha1(f"{thread}-{number}".encode()).hexdigest()[:12]
    domain = PEOPLE[sender][1].split("@")[1]
    return f"{thread.lower()}.{number}.{digest}@{domain}"


def write():
    mbox = []
    labels = ["# subject\taccount\texpected\tkinds — one line per thread of labelled.mbox; a kind ending in '?' is optional"]
    for thread, subject, account, expected, kinds, messages in THREADS:
        labels.append(f"{subject}\t{account}\t{expected}\t{kinds}")
        ids = []
        for number, (when, sender, to, cc, body) in enumerate(messages, 1):
            moment = datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)
            mid = message_id(thread, number, sender)
            headers = [
                f"From {PEOPLE[sender][1]} {DAYS[moment.weekday()]} {MONTHS[moment.month - 1]} {moment.day:2d} {moment:%H:%M:%S} {moment.year}",
                f"Message-ID: <{mid}>",
                f"Date: {DAYS[moment.weekday()]}, {moment.day:02d} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M:%S} +0000",
                f"From: {address_header([sender])}",
                f"To: {address_header(to)}",
            ]
            if cc:
                headers.append(f"Cc: {address_header(cc)}")
            headers.append(f"Subject: {'Re: ' if number > 1 else ''}{subject}")
            if ids:
                headers.append(f"In-Reply-To: <{ids[-1]}>")
                headers.append("References: " + " ".join(f"<{i}>" for i in ids))
            headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
            lines = []
            for line in body.split("\n"):
                stripped = line.lstrip(">")
                lines.append(">" + line if stripped.startswith("From ") else line)
            mbox.append("\n".join(headers) + "\n\n" + "\n".join(lines) + "\n")
            ids.append(mid)
    with open(os.path.join(HERE, "labelled.mbox"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(mbox))
    with open(os.path.join(HERE, "labels.tsv"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(labels) + "\n")


if __name__ == "__main__":
    write()
