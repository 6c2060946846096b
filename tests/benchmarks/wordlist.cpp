#include "wordlist.h"

namespace fo::bench {

namespace {

QStringList split(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

QStringList englishWords()
{
    // Roughly in frequency order, so that a Zipf draw by rank gives natural text statistics.
    return split(
        "the of and to a in that for was said on with is he she they by as at from were had "
        "their police have this an who been but not are which after more two also court one "
        "officers team case her his women children girls boys survivors would years its when "
        "there has all other into about three could them we our workers families office "
        "training rescue community local first new many than some government district judge "
        "investigation trafficking labour forced victims help support officials against time "
        "over law people most months week prosecutors charges arrested owner factory brick kiln "
        "fishing boat online exploitation abuse justice system social workers counsellors "
        "shelter care aftercare hearing trial evidence statement testimony witness verdict "
        "sentence conviction appeal records files clerks digitise tent volunteers partners "
        "network village town city region province state national international organisation "
        "report data number percent year day night morning evening during before since until "
        "between under while where what how why because however although though still only "
        "even just very well back through down up out way made make making take taking took "
        "give given gave work worked working help helped helping know knew known see saw seen "
        "say says told tell telling ask asked asking call called return returned home family "
        "mother father sister brother daughter son husband wife friend neighbour teacher nurse "
        "doctor lawyer advocate magistrate inspector sergeant constable commissioner minister "
        "mayor chief leader member committee council board panel unit desk station jail prison "
        "cell room building house market school church mosque temple road bridge river lake sea "
        "port airport bus train border crossing checkpoint money debt wage salary pay payment "
        "contract agency recruiter broker employer employee job jobs promise promised offer "
        "offered travel travelled journey passport documents identity card phone message video "
        "camera computer internet platform account payment transfer bank remittance loan "
        "interest threat threatened fear afraid safe safety protect protection rights dignity "
        "freedom free freed rescued rescuing raid raided operation operations inspection "
        "inspected license licensed unlicensed illegal legal lawful unlawful crime criminal "
        "offence offender suspect accused defendant complainant survivor leader mentor "
        "counselling therapy medical health school education skills livelihood business savings "
        "group groups meeting meetings workshop workshops session sessions course courses "
        "certificate graduates graduated trained trainers participants attended attending "
        "awareness campaign campaigns poster posters radio television newspaper journalists "
        "media press release statement spokesperson commitment progress change changes future "
        "hope hopes hopeful proud pride strength courage resilience recovery healing justice "
        "accountability transparency cooperation collaboration partnership quezon cebu manila "
        "kampala gulu kolkata chennai uganda india philippines barangay sitio kalye salamat po "
        "maraming tayo kami sila webale nnyo tuli wamu apwoyo matek oli otya bambi");
}

QStringList bengaliWords()
{
    return split("কলকাতা পশ্চিমবঙ্গের পুলিশ প্রশিক্ষণ মেয়েরা নিরাপদ আদালত বিচার উদ্ধার মানব পাচার "
                 "শিশু শ্রম সহায়তা কর্মশালা সচেতনতা ন্যায়বিচার সাক্ষী মামলা রায় অভিযান পরিবার "
                 "গ্রাম শহর বাড়ি স্কুল কাজ মজুরি ঋণ ভয় সাহস আশা ভবিষ্যৎ");
}

QStringList tamilWords()
{
    return split("சென்னை தமிழ்நாடு காவல் பயிற்சி நீதிமன்றம் தீர்ப்பு மீட்பு கொத்தடிமை தொழிலாளர் "
                 "செங்கல் சூளை குழந்தைகள் பெண்கள் பாதுகாப்பு உதவி விழிப்புணர்வு நீதி சாட்சி "
                 "வழக்கு குடும்பம் கிராமம் நகரம் வீடு பள்ளி வேலை கூலி கடன் பயம் தைரியம் "
                 "நம்பிக்கை எதிர்காலம்");
}

QStringList placeNames()
{
    return QString::fromUtf8(
               "Manila|THE PHILIPPINES;Quezon City|THE PHILIPPINES;Cebu|THE PHILIPPINES;"
               "Davao|THE PHILIPPINES;Kampala|UGANDA;Gulu|UGANDA;Mbale|UGANDA;Lira|UGANDA;"
               "Kolkata|INDIA;Chennai|INDIA;Mumbai|INDIA;Delhi|INDIA;Siliguri|INDIA;"
               "Madurai|INDIA;Nairobi|KENYA;Mombasa|KENYA;Accra|GHANA;Guatemala City|GUATEMALA;"
               "Santo Domingo|DOMINICAN REPUBLIC;Dhaka|BANGLADESH")
        .split(QLatin1Char(';'));
}

} // namespace fo::bench
