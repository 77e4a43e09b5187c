"""Words, names and sentence templates for the benchmark corpus (make_mbox.py).

Everything here was written for Rapport's benchmarks: invented companies, people and products, and
business-mail sentences with slots ({module}, {weekday}, ...) that make_mbox.py fills in. Each
sentence category maps to what a thread is doing (routine work, an incident, a relationship going
wrong, a negotiation), so the corpus hits sentiment, conflict and negotiation vocabulary at about
the rate real mail does, in English and Icelandic.
"""

# MARK: - Us

OUR_COMPANY = "Vörðuberg hugbúnaður ehf."
OUR_SHORT = "Vörðuberg"
OUR_DOMAIN = "vorduberg.is"
OUR_PRODUCT = "Hringur"

# (first name, surname, female, title in English, title in Icelandic, mail client)
OUR_PEOPLE = [
    ("Ásdís", "Kristjánsdóttir", True, "Account Director", "Viðskiptastjóri", "gmail"),
    ("Bjarki", "Hauksson", False, "Support Lead", "Þjónustustjóri", "mutt"),
    ("Eyrún", "Stefánsdóttir", True, "Head of Sales", "Sölustjóri", "apple"),
    ("Hannes", "Þórðarson", False, "Chief Financial Officer", "Fjármálastjóri", "outlook"),
    ("Katrín", "Egilsdóttir", True, "Project Manager", "Verkefnastjóri", "gmail"),
    ("Ragnar", "Snorrason", False, "Chief Executive", "Framkvæmdastjóri", "apple"),
    ("Sóley", "Baldursdóttir", True, "Account Manager", "Viðskiptastjóri", "gmail"),
    ("Davíð", "Árnason", False, "Solutions Consultant", "Ráðgjafi", "thunderbird"),
    ("Þórunn", "Halldórsdóttir", True, "Customer Success Manager", "Þjónustufulltrúi", "gmail"),
    ("Ægir", "Friðriksson", False, "Head of Infrastructure", "Forstöðumaður innviða", "thunderbird"),
    ("Bryndís", "Pálsdóttir", True, "Legal Counsel", "Lögfræðingur", "outlook"),
    ("Oliver", "Grant", False, "Account Manager, UK", "Viðskiptastjóri, Bretland", "gmail"),
]

# MARK: - Accounts

EN_COMPANY_FIRST = [
    "Harbour", "Cedar", "Granite", "Bluewater", "Silverline", "Oakfield", "Atlas", "Beacon", "Summit",
    "Northgate", "Kestrel", "Marlow", "Heron", "Copperleaf", "Redbrook", "Ashdown", "Fairhaven",
    "Thistle", "Westmoor", "Lantern", "Pinecrest", "Riverside", "Saltmarsh", "Tidewell", "Wrenford",
    "Brackley", "Glenmore", "Hollins", "Juniper", "Larkspur",
]
EN_COMPANY_SECOND = [
    "Home", "Foods", "Outfitters", "Logistics", "Seafoods", "Retail", "Freight", "Supplies", "Energy",
    "Distribution", "Trading", "Wholesale", "Marine", "Brands", "Systems", "Integration", "Hosting",
]
# country code -> (top-level domain, company suffixes, currency sign, UTC offset in hours, towns)
EN_COUNTRIES = {
    "uk": (".co.uk", ["Ltd", "Ltd", "plc", "Group Ltd"], "£", 0,
           ["Leeds", "Bristol", "Glasgow", "Cardiff", "Norwich", "Aberdeen", "Hull", "Dundee", "York"]),
    "us": (".com", ["Inc.", "LLC", "Corp."], "$", -5,
           ["Portland", "Denver", "Boise", "Tacoma", "Columbus", "Albany", "Madison"]),
    "dk": (".dk", ["ApS", "A/S"], "€", 1, ["Aarhus", "Odense", "Esbjerg", "Aalborg", "Copenhagen"]),
    "no": (".no", ["AS", "ASA"], "€", 1, ["Bergen", "Tromsø", "Ålesund", "Stavanger", "Bodø"]),
    "ie": (".ie", ["Ltd", "DAC"], "€", 0, ["Cork", "Galway", "Limerick", "Waterford"]),
}
IS_COMPANY_FIRST = [
    "Hraun", "Fjarðar", "Víkur", "Heklu", "Sæ", "Bárðar", "Jökul", "Fossa", "Kletta", "Hval", "Eyja",
    "Straum", "Vestur", "Norður", "Austur", "Mýra", "Skaga", "Hafnar", "Dala", "Gríms",
]
IS_COMPANY_SECOND = [
    "verk", "fiskur", "afl", "dreifing", "lausnir", "flutningar", "orka", "borg", "vör", "tak",
    "hýsing", "kaup", "smiðja", "tækni",
]
IS_COMPANY_SUFFIX = [" hf.", " ehf.", " ehf.", " ehf."]
IS_TOWNS = [
    "í Vestmannaeyjum", "á Akureyri", "á Ísafirði", "í Grindavík", "á Höfn", "á Reyðarfirði",
    "á Sauðárkróki", "í Hafnarfirði", "á Selfossi", "í Borgarnesi",
]
FREE_MAIL = ["gmail.com", "gmail.com", "outlook.com", "hotmail.com"]

EN_FIRST_FEMALE = [
    "Sarah", "Priya", "Megan", "Fiona", "Laura", "Aisha", "Chloe", "Emma", "Hannah", "Jess", "Lucy",
    "Nina", "Rachel", "Zoe", "Mei", "Grace", "Imogen", "Kirsty", "Niamh", "Siobhan", "Ingrid", "Mette",
]
EN_FIRST_MALE = [
    "James", "Daniel", "Tom", "Callum", "Mark", "Ben", "David", "George", "Ian", "Kevin", "Matt",
    "Oliver", "Sam", "Raj", "Olu", "Connor", "Hamish", "Liam", "Owen", "Mads", "Søren", "Lars",
]
EN_SURNAMES = [
    "Whitaker", "Holloway", "Brennan", "Osei", "Kowalski", "Patel", "Fraser", "Lindqvist", "Moreno",
    "Carter", "Dunn", "Hughes", "Jensen", "Nielsen", "Abbott", "Barlow", "Chambers", "Doyle", "Ellison",
    "Fenwick", "Garside", "Hartley", "Iqbal", "Keane", "Lockhart", "McAllister", "Nowak", "O'Brien",
    "Pemberton", "Quinlan", "Rasmussen", "Sutherland", "Thornton", "Varga", "Walsh", "Yeoman",
]
IS_FIRST_FEMALE = [
    "Guðrún", "Anna", "Sigríður", "Kristín", "Margrét", "Helga", "Sóley", "Þórunn", "Ásdís", "Hildur",
    "Eyrún", "Bryndís", "Katrín", "Ragnheiður", "Elín", "Jóhanna", "Salka", "Auður", "Embla", "Védís",
]
IS_FIRST_MALE = [
    "Jón", "Gunnar", "Sigurður", "Ólafur", "Einar", "Kristján", "Magnús", "Stefán", "Björn", "Árni",
    "Hannes", "Þórður", "Ragnar", "Bjarki", "Davíð", "Ægir", "Haraldur", "Tómas", "Hrafn", "Úlfar",
]
# Genitive forms of fathers' names, to which "son" or "dóttir" is added.
IS_PATRONYMS = [
    "Jóns", "Gunnars", "Sigurðar", "Helga", "Einars", "Magnúsar", "Ólafs", "Björns", "Kristjáns",
    "Stefáns", "Þórs", "Árna", "Halldórs", "Guðmundar", "Páls", "Friðriks", "Baldurs", "Hauks",
    "Snorra", "Egils", "Ármanns", "Hreins",
]

EN_TITLES = [
    "Operations Director", "IT Manager", "Head of Procurement", "Finance Manager", "Project Manager",
    "Logistics Coordinator", "Customer Service Lead", "Commercial Director", "Systems Administrator",
    "Warehouse Manager", "General Counsel",
]
EN_EXEC_TITLES = ["Chief Executive", "Managing Director", "Chief Operating Officer"]
IS_TITLES = [
    "Rekstrarstjóri", "Upplýsingatæknistjóri", "Innkaupastjóri", "Fjármálastjóri", "Verkefnastjóri",
    "Þjónustustjóri", "Lögfræðingur", "Sölustjóri", "Lagerstjóri", "Kerfisstjóri",
]
IS_EXEC_TITLES = ["Forstjóri", "Framkvæmdastjóri"]

# MARK: - Things people write about

EN_MODULES = [
    "Orders", "Inventory", "Invoicing", "Catch Log", "Meter Data", "Customer Portal", "Payroll Export",
    "Warehouse", "Reporting", "Dispatch", "Returns", "Pricing",
]
IS_MODULES = [
    "Pantanir", "Birgðir", "Reikningagerð", "Aflaskráning", "Mælagögn", "Þjónustugátt",
    "Launaútflutningur", "Vöruhús", "Skýrslur", "Dreifing", "Skil", "Verðskrá",
]
EN_DOCS = [
    "invoice", "purchase order", "SLA report", "quote", "statement of work", "data processing agreement",
    "test plan", "release notes", "cutover plan", "price list", "renewal proposal", "incident report",
]
IS_DOCS = [
    "reikninginn", "pöntunina", "þjónustuskýrsluna", "tilboðið", "verklýsinguna", "vinnslusamninginn",
    "prófunaráætlunina", "útgáfulýsinguna", "verðskrána", "atvikaskýrsluna",
]
COMPETITORS = [
    "Nordvik Systems", "Ledgerline", "CargoSoft", "BrightOps", "Stackwell", "Polaris ERP", "Tidewater",
    "Skýjalausnir", "Bitafl", "Gagnabrú",
]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# Accusative forms ("fyrir föstudag"); the definite form adds "inn" ("á föstudaginn").
IS_WEEKDAYS = ["mánudag", "þriðjudag", "miðvikudag", "fimmtudag", "föstudag"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
IS_MONTHS = ["janúar", "febrúar", "mars", "apríl", "maí", "júní", "júlí", "ágúst", "september",
             "október", "nóvember", "desember"]
EN_NUMBER_WORDS = ["two", "three", "four", "five", "six"]
IS_NUMBER_WORDS = ["tvo", "þrjá", "fjóra", "fimm", "sex"]

# MARK: - Subjects per thread kind ({module}, {site}, {doc}, {month}, {year}, {ticket})

SUBJECTS = {
    "en": {
        "routine": [
            "{module} rollout at {site}", "Training dates for the {module} module", "Monthly review - {month}",
            "New users for the {site} team", "{module} upgrade this weekend", "Question about the {doc}",
            "Planning for {year}", "Access for our new warehouse staff", "{module} release notes",
        ],
        "incident": [
            "{module} sync failing", "Orders stuck in {module}", "URGENT: {module} down at {site}",
            "Ticket {ticket} - still not resolved", "Duplicate invoices from {module}",
            "Outage this morning", "Slow response times in {module}", "Data missing after the upgrade",
        ],
        "deteriorating": [
            "Service levels in {month}", "{module} - ongoing problems", "Our concerns about the project",
            "Missed deadline for {site}", "Invoice dispute - {ticket}", "Formal complaint",
            "Status of the {module} migration",
        ],
        "negotiation": [
            "Renewal {year}", "Revised quote for {module}", "Contract renewal - pricing",
            "Price increase for {year}", "Proposal for additional licences", "Service agreement {year}",
            "Your offer for the {module} module",
        ],
        "appreciation": [
            "Thank you - {module} go-live", "Great work at {site}", "Feedback on the {module} project",
            "A quick thank you", "{site} is live!",
        ],
    },
    "is": {
        "routine": [
            "{module}: innleiðing {site}", "Námskeið fyrir {module}", "Mánaðarlegur stöðufundur - {month}",
            "Nýir notendur", "Uppfærsla á {module} um helgina", "Spurning varðandi {doc}",
            "Áætlun fyrir {year}", "Aðgangur fyrir nýtt starfsfólk", "Útgáfulýsing {module}",
        ],
        "incident": [
            "Villa í {module}", "Pantanir fastar í {module}", "ÁRÍÐANDI: {module} liggur niðri",
            "Beiðni {ticket} - enn óleyst", "Tvöfaldir reikningar", "Truflun í morgun",
            "Hægvirkni í {module}", "Gögn vantar eftir uppfærslu",
        ],
        "deteriorating": [
            "Þjónustustig í {month}", "{module} - áframhaldandi vandamál", "Áhyggjur af verkefninu",
            "Tímamörk ekki virt", "Ágreiningur um reikning {ticket}", "Formleg kvörtun",
            "Staðan á flutningi {module}",
        ],
        "negotiation": [
            "Endurnýjun þjónustusamnings {year}", "Nýtt tilboð í {module}", "Verðhækkun {year}",
            "Tilboð í viðbótarleyfi", "Samningur {year}", "Tilboð ykkar í {module}",
        ],
        "appreciation": [
            "Takk fyrir - {module} komið í loftið", "Frábær vinna {site}", "Endurgjöf á verkefnið",
            "Kærar þakkir", "Allt komið í gang!",
        ],
    },
}

# MARK: - Sentences
#
# Slots: {first} (the reader's first name), {me} (the writer's), {colleague}, {module}, {doc},
# {site}, {weekday}, {weekday2}, {daginn} (Icelandic definite weekday), {date}, {month}, {pct},
# {n}, {m}, {amount}, {ticket}, {invoice}, {clause}, {competitor}, {hours}, {numword}, {company},
# {us}, {product}, {year}, {hello} (Icelandic "Sæll"/"Sæl"), {bless} ("Blessaður"/"Blessuð").

EN = {
    "greeting": [
        "Hi {first},", "Hi {first},", "Hello {first},", "Dear {first},", "Good morning {first},", "{first},",
        "Hi all,", "Hi team,", "Dear {first},", "Morning {first},", "Good afternoon {first},",
    ],
    "opener": [
        "Thanks for your email.", "Following up on our call yesterday.", "I hope you had a good weekend.",
        "Thanks for getting back to me so quickly.", "As promised, here is a short summary.",
        "I wanted to give you a quick update.", "Just picking up where we left off on {weekday}.",
        "Thank you for your patience while we looked into this.", "I hope all is well at {site}.",
        "Sorry for the slow reply, it has been a busy week.",
    ],
    "update": [
        "The {module} upgrade is scheduled for {weekday} evening and should take about {hours} hours.",
        "The test environment is ready and the credentials are in the shared folder.",
        "We have finished the data migration for the {site} site and the numbers reconcile.",
        "Attached is the {doc} for {month}.", "The new version of {product} is now live for all users.",
        "We ran the import again last night and {n} of {m} records went through.",
        "I have updated the {doc} with the changes we discussed.",
        "The training session for the {site} team is booked for {weekday} at 10:00.",
        "Our consultants will be on site from {date} to help with the cutover.",
        "The fix for the rounding issue was deployed this morning.",
        "We have added {n} new users to the {module} module.",
        "The report now includes the weekly totals per site.",
        "I checked the logs and the last successful sync was at 06:40.",
        "The meeting has been moved to {weekday2} at 14:00.",
        "We expect the next release at the end of {month}.",
    ],
    "request": [
        "Could you please send us the {doc} by {weekday}?",
        "Can we set up a call next week to go through the {module} changes?",
        "Could you confirm the number of users for the {site} site?",
        "Would {weekday} at 11:00 work for you?",
        "Please let me know who should get access to the new reports.",
        "Could you share the error message you are seeing?",
        "Can you check whether the orders from {date} have arrived on your side?",
        "I would be grateful if you could review the {doc} before our meeting.",
        "Could you forward this to whoever handles invoicing on your side?",
    ],
    "positive": [
        "Thanks a lot for the quick turnaround on this.",
        "The team did a great job with the go-live at {site}.",
        "We really appreciate the support over the weekend.",
        "Great work, everyone here is very happy with the new {module} screens.",
        "The migration went smoothly and the warehouse staff love the new layout.",
        "Thank you for going above and beyond to get this done in time.",
        "It has been a pleasure working with your team on this project.",
        "The new reports have already saved us hours every week.",
        "Brilliant, that is exactly what we needed.",
        "Your consultant {colleague} was excellent and very patient with our staff.",
        "We are delighted with the results so far.",
        "Really good news, thank you.",
    ],
    "partnership": [
        "We value the partnership and look forward to the next phase.",
        "We see this as a long-term relationship and want to grow it together.",
        "Working together on the {module} roadmap has been very productive.",
        "We would like to expand our cooperation to the {site} site next year.",
    ],
    "commitment": [
        "We will have a fix ready by {weekday} and I will confirm once it is deployed.",
        "I have asked {colleague} to look into this personally.",
        "You have my word that we will get to the bottom of this.",
        "Our team is working on it now and I will send an update before the end of the day.",
        "We will monitor the sync closely over the next {numword} days.",
        "I will make sure the corrected {doc} reaches you tomorrow.",
        "We are putting an action plan together and will share it on {weekday}.",
        "I will personally follow up with our developers this afternoon.",
    ],
    "apology": [
        "I am sorry for the delay on our side.",
        "Apologies for the inconvenience this has caused your team.",
        "Please accept our apologies for the confusion around the {doc}.",
        "I am sorry this has taken so long to resolve.",
        "We apologise for the outage and for the lack of communication during it.",
        "Sorry about the mix-up with the invoice, that was our mistake.",
    ],
    "complaint": [
        "The {module} sync has failed again and our orders are stuck.",
        "We are still waiting for a response on ticket {ticket}.",
        "This is the third time this month that the integration has been down.",
        "The invoice {invoice} is wrong again: we were charged for {m} users instead of {n}.",
        "The system has been very slow since the upgrade and staff are complaining.",
        "We have not received the {doc} that was promised last week.",
        "Another outage this morning meant the {site} warehouse could not ship for {hours} hours.",
        "Nobody has replied to our last {numword} emails about this.",
        "The problem we reported in {month} is still not fixed.",
        "We keep finding duplicate entries in the {module} module.",
        "I am disappointed that we have to chase this again.",
        "Frankly, the quality of the last release has not been good enough.",
    ],
    "ack": [
        "Thanks, that works for us.", "Perfect, thank you.", "Great, thanks for confirming.", "Noted, thanks.",
        "That all looks fine, thank you.", "Received, thanks a lot.", "Good to hear, thanks for the update.",
    ],
    "followup": [
        "Any update on this?", "Just following up on my email from {weekday}.",
        "Is there any news on the fix?", "I have not heard back on this, could you let me know where it stands?",
        "Sending this again as I have not had a reply.", "Gentle reminder about the {doc}.",
    ],
    "urgency": [
        "We need this resolved today.",
        "This is urgent: our warehouse cannot ship anything until it is fixed.",
        "Please treat this as a priority.", "We need an answer as soon as possible.",
        "Please call me as soon as you see this.", "Every hour this is down costs us orders.",
        "This is now blocking our month-end close.",
    ],
    "blame": [
        "Your team told us this was fixed last week.",
        "The error was caused by your update on {weekday}, not by our data.",
        "It is unacceptable that we had to find this problem ourselves.",
        "This is the result of your team skipping the testing we agreed on.",
        "We followed your instructions exactly and it still failed.",
        "The delay is entirely on your side.",
    ],
    "distrust": [
        "Frankly, we are losing confidence in the platform.",
        "We were promised this in {month} and it still has not happened.",
        "I need a straight answer on when this will be fixed.",
        "This is not what we were told when we signed the contract.",
        "We are starting to question whether the project can be delivered at all.",
        "Every time we ask, the date moves again.",
    ],
    "escalation": [
        "I have copied our Chief Executive, who is not happy with the situation.",
        "I will be raising this with our board on {weekday}.",
        "Please escalate this to your management.",
        "I would like to speak to someone more senior about this.",
        "We are escalating this through our formal complaints process.",
    ],
    "threat": [
        "If this is not fixed by {weekday} we will have to escalate it further.",
        "We are reviewing our options, including termination of the agreement.",
        "Our legal team will be in touch regarding the breach of the service level agreement.",
        "We will be withholding payment of invoice {invoice} until this is resolved.",
        "If we do not hear from you by {date}, we will consider the contract breached.",
        "We reserve the right to claim compensation for the lost sales.",
    ],
    "price": [
        "The price increase of {pct}% is too high for us.",
        "Can you send us a revised quote for the additional {n} licences?",
        "The annual fee is above our budget for next year.",
        "We need to understand what is included in the {amount} implementation cost.",
        "The proposed pricing is hard to justify to our finance team.",
        "Our budget for {year} is fixed at {amount}.",
    ],
    "discount": [
        "Could you offer a discount if we commit to three years?",
        "We can offer {pct}% off the first year if we sign by {date}.",
        "Is there any flexibility on the per-user price?",
        "As a gesture of goodwill we can include the training at no extra cost.",
        "If you can match {amount} we are ready to sign.",
        "We could reduce the fee if the contract runs for {numword} years.",
    ],
    "competitor": [
        "{competitor} has quoted us {pct}% less for a similar scope.",
        "We have received a competing offer and need to compare the two.",
        "Another supplier has offered to do the migration for free.",
        "We are also talking to {competitor} about the same project.",
        "Your competitors are offering monthly billing without a long commitment.",
    ],
    "contract": [
        "The renewal is due on {date} and we have not received the new contract yet.",
        "Please find the draft amendment attached; clause {clause} covers the service levels.",
        "According to the contract, the response time for critical issues is {hours} hours.",
        "We would like to add a termination clause to the agreement.",
        "Our lawyers are reviewing the terms and conditions.",
        "The current agreement auto-renews unless either party gives notice by {date}.",
    ],
    "deadline": [
        "We need a signed agreement by the end of the month.",
        "Our board meets on {weekday} and needs a final number by then.",
        "The offer is valid until {date}.",
        "Please send your response by {weekday} at the latest.",
        "We have to decide before the end of the quarter.",
    ],
    "stall": [
        "We will need some more time to review internally.",
        "Let us revisit this after the summer.",
        "The decision is on hold until the new budget is approved.",
        "We are waiting for sign-off from our finance director.",
        "I cannot commit to anything before our board meeting in {month}.",
    ],
    "walkaway": [
        "If the price stays at this level we will take our business elsewhere.",
        "We are prepared to walk away from the renewal.",
        "We have decided not to renew the contract when it expires.",
        "Unless something changes we will cancel our subscription.",
        "We are seriously considering switching to another provider.",
    ],
    "closing": [
        "Let me know if you have any questions.", "Looking forward to hearing from you.",
        "Happy to discuss on a call.", "Thanks again for your help.", "Speak soon.",
        "Let me know what you think.", "I look forward to your reply.",
    ],
    "signoff": [
        "Best regards,", "Kind regards,", "Thanks,", "Cheers,", "Regards,", "Best,", "Many thanks,",
        "All the best,",
    ],
    "forward": [
        "FYI, see below. Can you take a look?", "Forwarding this to you, could you handle it?",
        "See the message below from {company}. Can we discuss tomorrow?",
        "Please see below. I think this one needs your attention.",
    ],
}

IS = {
    "greeting": [
        "{hello} {first},", "{hello} {first},", "Góðan daginn {first},", "Hæ {first},", "Sæl öll,",
        "{bless} {first},", "Góðan dag,", "{first},", "Sæl veriði,",
    ],
    "opener": [
        "Takk fyrir póstinn.", "Í framhaldi af símtalinu í gær.", "Vona að helgin hafi verið góð.",
        "Takk fyrir skjót svör.", "Eins og lofað var kemur hér stutt samantekt.",
        "Mig langaði að gefa þér stutta stöðuuppfærslu.", "Takk fyrir þolinmæðina á meðan við skoðuðum málið.",
        "Afsakaðu hvað ég svara seint, það hefur verið mikið að gera.", "Vona að allt gangi vel {site}.",
    ],
    "update": [
        "Uppfærslan á {module} er áætluð á {daginn} og tekur um {hours} klukkustundir.",
        "Prófunarumhverfið er tilbúið og aðgangsupplýsingar eru í sameiginlegu möppunni.",
        "Við höfum lokið gagnaflutningi {site} og tölurnar stemma.",
        "Ég sendi hér með {doc} fyrir {month}.", "Ný útgáfa af {product} er komin í loftið fyrir alla notendur.",
        "Við keyrðum innlesturinn aftur í nótt og {n} af {m} færslum fóru í gegn.",
        "Ég hef uppfært {doc} með breytingunum sem við ræddum.",
        "Námskeið fyrir starfsfólkið {site} er bókað á {daginn} klukkan 10.",
        "Ráðgjafar okkar verða á staðnum frá {date} til að aðstoða við yfirfærsluna.",
        "Lagfæringin á námundarvillunni fór í loftið í morgun.",
        "Við höfum bætt {n} nýjum notendum við {module}.",
        "Fundurinn hefur verið færður á {weekday2} klukkan 14.",
        "Við gerum ráð fyrir næstu útgáfu í lok {month}.",
        "Ég skoðaði annálana og síðasta vel heppnaða samstilling var klukkan 06:40.",
    ],
    "request": [
        "Gætirðu sent okkur {doc} fyrir {weekday}?",
        "Getum við tekið fund í næstu viku til að fara yfir breytingarnar í {module}?",
        "Gætuð þið staðfest fjölda notenda {site}?", "Hentar ykkur að hittast á {daginn} klukkan 11?",
        "Láttu mig vita hverjir eiga að fá aðgang að nýju skýrslunum.",
        "Gætirðu sent mér villuboðin sem þú færð?",
        "Getið þið athugað hvort pantanirnar frá {date} hafi borist til ykkar?",
        "Ég yrði þakklát ef þú gætir farið yfir {doc} fyrir fundinn.",
    ],
    "positive": [
        "Takk kærlega fyrir skjót viðbrögð.", "Teymið ykkar stóð sig frábærlega í innleiðingunni {site}.",
        "Við kunnum virkilega að meta aðstoðina um helgina.",
        "Frábær vinna, allir hér eru mjög ánægðir með nýju skjámyndirnar í {module}.",
        "Flutningurinn gekk vel og starfsfólkið á lagernum er hæstánægt.",
        "Takk fyrir að leggja ykkur svona fram við að klára þetta á réttum tíma.",
        "Það hefur verið ánægjulegt að vinna með ykkur að þessu verkefni.",
        "Nýju skýrslurnar spara okkur nú þegar marga tíma í hverri viku.",
        "Frábært, þetta er nákvæmlega það sem okkur vantaði.",
        "{colleague} stóð sig mjög vel og sýndi starfsfólkinu mikla þolinmæði.",
        "Við erum mjög sátt við árangurinn hingað til.",
    ],
    "partnership": [
        "Við metum samstarfið mikils og hlökkum til næsta áfanga.",
        "Við lítum á þetta sem langtímasamstarf og viljum efla það áfram.",
        "Samvinnan um þróun {module} hefur verið mjög gagnleg.",
        "Við viljum gjarnan útvíkka samstarfið á næsta ári.",
    ],
    "commitment": [
        "Við munum laga þetta fyrir {weekday} og ég staðfesti þegar lagfæringin er komin í loftið.",
        "{colleague} ætlar að skoða málið sérstaklega.",
        "Ég lofa að við komumst til botns í þessu.",
        "Teymið er að vinna í málinu og ég sendi stöðuna fyrir lok dags.",
        "Við munum fylgjast vel með samstillingunni næstu {numword} daga.",
        "Ég sé til þess að leiðréttur reikningur berist á morgun.",
        "Við erum að setja saman aðgerðaáætlun og sendum hana á {daginn}.",
    ],
    "apology": [
        "Afsakið seinaganginn hjá okkur.", "Við biðjumst afsökunar á óþægindunum sem þetta hefur valdið.",
        "Afsakið ruglinginn varðandi {doc}.", "Mér þykir leitt hvað þetta hefur tekið langan tíma.",
        "Við biðjumst velvirðingar á truflaninni og á því að upplýsingar bárust seint.",
        "Afsakið mistökin með reikninginn, þau voru okkar megin.",
    ],
    "complaint": [
        "Tengingin við {module} datt aftur út og pantanir eru fastar.",
        "Við erum enn að bíða eftir svari við beiðni {ticket}.",
        "Þetta er í þriðja sinn í þessum mánuði sem kerfið liggur niðri.",
        "Reikningur {invoice} er aftur rangur: við vorum rukkuð fyrir {m} notendur en ekki {n}.",
        "Kerfið hefur verið mjög hægt síðan uppfærslan fór inn og starfsfólkið kvartar.",
        "Við höfum ekki fengið {doc} sem átti að berast í síðustu viku.",
        "Truflunin í morgun þýddi að lagerinn {site} gat ekki afgreitt í {hours} klukkustundir.",
        "Enginn hefur svarað póstunum okkar um þetta síðustu {numword} daga.",
        "Vandamálið sem við tilkynntum í {month} hefur enn ekki verið lagað.",
        "Við erum ekki ánægð með þjónustuna undanfarið.",
        "Það eru vonbrigði að við þurfum að ýta á eftir þessu aftur.",
    ],
    "ack": [
        "Takk fyrir þetta.", "Frábært, takk fyrir staðfestinguna.", "Móttekið, takk.", "Þetta lítur vel út, takk.",
        "Gott að heyra, takk fyrir upplýsingarnar.", "Flott, þá erum við sammála.",
    ],
    "followup": [
        "Eitthvað að frétta af þessu?", "Ég ítreka póstinn minn frá {daginn}.",
        "Er eitthvað að frétta af lagfæringunni?", "Ég hef ekki fengið svar, hver er staðan?",
        "Sendi þetta aftur þar sem ég hef ekki fengið svar.",
    ],
    "urgency": [
        "Þetta þarf að leysa strax í dag.",
        "Þetta er áríðandi, lagerinn getur ekki afgreitt neitt fyrr en þetta er lagað.",
        "Vinsamlegast setjið þetta í forgang.", "Við þurfum svar sem fyrst.",
        "Hringdu í mig um leið og þú sérð þetta.", "Hver klukkustund sem kerfið liggur niðri kostar okkur pantanir.",
    ],
    "blame": [
        "Okkur var sagt í síðustu viku að þetta væri komið í lag.",
        "Villan stafar af uppfærslunni ykkar á {daginn}, ekki af gögnunum okkar.",
        "Það er óásættanlegt að við þurfum að finna þessar villur sjálf.",
        "Þetta eru mistök af ykkar hálfu og ekki okkar sök.",
        "Við fórum nákvæmlega eftir leiðbeiningunum ykkar og samt virkaði það ekki.",
    ],
    "distrust": [
        "Satt best að segja erum við að missa traust á kerfinu.",
        "Okkur var lofað þessu í {month} og ekkert hefur gerst.",
        "Ég þarf skýrt svar um hvenær þetta verður lagað.",
        "Þetta er ekki það sem okkur var sagt þegar við skrifuðum undir.",
        "Við erum farin að efast um að verkefnið klárist yfirhöfuð.",
    ],
    "escalation": [
        "Ég hef sett forstjórann okkar í afrit, hann er ekki sáttur við stöðuna.",
        "Ég mun taka þetta upp á stjórnarfundi á {daginn}.",
        "Vinsamlegast farið með málið ofar hjá ykkur.",
        "Ég vil fá að tala við einhvern sem getur tekið ákvörðun.",
    ],
    "threat": [
        "Ef þetta verður ekki lagað fyrir {weekday} munum við fara með málið lengra.",
        "Við erum að skoða aðra möguleika, þar á meðal uppsögn samningsins.",
        "Lögfræðingur okkar mun hafa samband vegna brota á þjónustusamningi.",
        "Við munum halda eftir greiðslu á reikningi {invoice} þar til málið er leyst.",
        "Ef við fáum ekki svar fyrir {date} lítum við svo á að samningurinn hafi verið brotinn.",
        "Við áskiljum okkur rétt til að krefjast bóta fyrir tapaða sölu.",
    ],
    "price": [
        "{pct}% hækkun er of mikil fyrir okkur.", "Getið þið sent okkur nýtt tilboð í {n} viðbótarleyfi?",
        "Árgjaldið er yfir fjárhagsáætlun okkar fyrir næsta ár.",
        "Við þurfum að skilja hvað er innifalið í innleiðingarkostnaðinum upp á {amount}.",
        "Verðið er of hátt miðað við umfangið.", "Fjárhagsáætlun okkar fyrir {year} er {amount}.",
    ],
    "discount": [
        "Getið þið boðið afslátt ef við skuldbindum okkur til þriggja ára?",
        "Við getum boðið {pct}% afslátt af fyrsta árinu ef skrifað er undir fyrir {date}.",
        "Er eitthvað svigrúm í verðinu á hvern notanda?",
        "Við getum tekið námskeiðið með án aukakostnaðar.", "Ef þið getið boðið {amount} erum við tilbúin að skrifa undir.",
    ],
    "competitor": [
        "{competitor} bauð okkur {pct}% lægra verð fyrir sambærilegt umfang.",
        "Við höfum fengið annað tilboð og þurfum að bera þau saman.",
        "Annar þjónustuaðili hefur boðist til að sjá um flutninginn án endurgjalds.",
        "Við erum líka í viðræðum við {competitor} um sama verkefni.",
    ],
    "contract": [
        "Samningurinn rennur út {date} og við höfum ekki fengið drög að nýjum.",
        "Meðfylgjandi eru drög að viðauka; grein {clause} fjallar um þjónustustig.",
        "Samkvæmt samningnum er viðbragðstími við alvarlegum villum {hours} klukkustundir.",
        "Við viljum bæta uppsagnarákvæði við samninginn.", "Lögfræðingar okkar eru að fara yfir skilmálana.",
    ],
    "deadline": [
        "Við þurfum undirritaðan samning fyrir mánaðamót.",
        "Stjórnin fundar á {daginn} og þarf endanlega tölu fyrir þann tíma.",
        "Tilboðið gildir til {date}.", "Vinsamlegast svarið eigi síðar en á {daginn}.",
        "Við þurfum að taka ákvörðun fyrir lok ársfjórðungsins.",
    ],
    "stall": [
        "Við þurfum aðeins meiri tíma til að fara yfir þetta innanhúss.", "Tökum þetta aftur upp eftir sumarið.",
        "Ákvörðunin er á bið þar til ný fjárhagsáætlun hefur verið samþykkt.",
        "Við bíðum eftir samþykki frá fjármálastjóranum.", "Ég get ekki lofað neinu fyrir stjórnarfundinn í {month}.",
    ],
    "walkaway": [
        "Ef verðið helst óbreytt munum við færa viðskiptin annað.",
        "Við erum tilbúin að hætta við endurnýjunina.",
        "Við höfum ákveðið að endurnýja ekki samninginn þegar hann rennur út.",
        "Ef ekkert breytist munum við segja upp áskriftinni.", "Við erum alvarlega að íhuga að skipta um þjónustuaðila.",
    ],
    "closing": [
        "Láttu mig vita ef einhverjar spurningar vakna.", "Hlakka til að heyra frá þér.",
        "Endilega heyrðu í mér ef þú vilt ræða þetta.", "Takk aftur fyrir aðstoðina.", "Heyrumst.",
        "Láttu mig vita hvað þér finnst.",
    ],
    "signoff": ["Kveðja,", "Bestu kveðjur,", "Kær kveðja,", "Með bestu kveðju,", "Takk,", "Kv.", "Bkv,"],
    "forward": [
        "Til upplýsingar, sjá neðar. Geturðu kíkt á þetta?", "Áframsendi þetta á þig, geturðu tekið þetta?",
        "Sjá póstinn frá {company} hér að neðan. Getum við rætt þetta á morgun?",
    ],
}

TEMPLATES = {"en": EN, "is": IS}

# MARK: - Signatures and footers

DISCLAIMERS = {
    "en": (
        "This email and any attachments are confidential and intended solely for the addressee. If you "
        "have received it in error, please notify the sender and delete it. {company} accepts no liability "
        "for the content of this message once it has been sent."
    ),
    "is": (
        "Þessi tölvupóstur og viðhengi hans eru trúnaðarmál og eingöngu ætluð þeim sem hann er stílaður á. "
        "Ef þú hefur fengið póstinn fyrir mistök vinsamlegast láttu sendanda vita og eyddu honum. "
        "{company} ber ekki ábyrgð á efni póstsins eftir að hann hefur verið sendur."
    ),
}
MOBILE_FOOTERS = {"en": "Sent from my iPhone", "is": "Sent úr iPhone"}

# MARK: - Thread kinds
#
# Each kind is a list of stages over the thread's life; a stage names the sentence categories the
# customer side ("them") and our side ("us") draw from. Neutral categories are mixed in by the
# generator so that signal words come at a realistic rate, not in every sentence.

THREAD_KINDS = {
    "routine": [
        {"them": ["request", "update", "positive"], "us": ["update", "commitment", "request"]},
    ],
    "incident": [
        {"them": ["complaint", "urgency"], "us": ["apology", "commitment", "update"]},
        {"them": ["complaint", "followup", "urgency", "blame"], "us": ["apology", "update", "commitment"]},
        {"them": ["positive", "update"], "us": ["update", "positive"]},
    ],
    "deteriorating": [
        {"them": ["update", "request", "complaint"], "us": ["update", "commitment"]},
        {"them": ["complaint", "distrust", "followup"], "us": ["apology", "commitment"]},
        {"them": ["blame", "distrust", "urgency", "escalation"], "us": ["apology", "update", "commitment"]},
        {"them": ["threat", "walkaway", "blame", "escalation"], "us": ["apology", "commitment"]},
    ],
    "negotiation": [
        {"them": ["contract", "price", "request"], "us": ["contract", "update", "partnership"]},
        {"them": ["price", "competitor", "discount"], "us": ["discount", "price", "deadline"]},
        {"them": ["stall", "deadline", "walkaway", "positive"], "us": ["deadline", "discount", "commitment"]},
    ],
    "appreciation": [
        {"them": ["positive", "partnership", "update"], "us": ["positive", "partnership", "commitment"]},
    ],
}
# Kinds whose threads usually end with a short acknowledgement instead of an open question.
SETTLING_KINDS = ("routine", "incident", "negotiation", "appreciation")
THREAD_KIND_WEIGHTS = [("routine", 36), ("incident", 20), ("deteriorating", 12), ("negotiation", 20),
                       ("appreciation", 12)]
NEUTRAL_CATEGORIES = ["update", "request", "update"]
