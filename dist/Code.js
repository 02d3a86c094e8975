// Kling Cost for Google Sheets. Built from src/ by `npm run build`; do not edit.

/**
 * Credits one Kling generation costs.
 *
 * @param {*} mode standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).
 * @param {*} secs Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.
 * @param {*} audio TRUE for native audio; FALSE or empty for none.
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return Credits per generation.
 * @customfunction
 */
function KLING_CREDITS(mode, secs, audio, model) {
  return KlingCost_.KLING_CREDITS.apply(null, arguments);
}

/**
 * USD per delivered video on a plan, retakes included.
 *
 * @param {*} mode standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).
 * @param {*} secs Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.
 * @param {*} audio TRUE for native audio; FALSE or empty for none.
 * @param {*} plan free (basic), standard, pro, premier or ultra.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @param {*} retake_rate Share of paid generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0).
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return USD per delivered video.
 * @customfunction
 */
function KLING_COST(mode, secs, audio, plan, billing, retake_rate, model) {
  return KlingCost_.KLING_COST.apply(null, arguments);
}

/**
 * Whole videos a plan delivers per month, retakes included.
 *
 * @param {*} plan free (basic), standard, pro, premier or ultra.
 * @param {*} mode standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).
 * @param {*} secs Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.
 * @param {*} audio TRUE for native audio; FALSE or empty for none.
 * @param {*} retake_rate Share of paid generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0).
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return Videos per month.
 * @customfunction
 */
function KLING_VIDEOS(plan, mode, secs, audio, retake_rate, model) {
  return KlingCost_.KLING_VIDEOS.apply(null, arguments);
}

/**
 * Whole images a plan's monthly credits make at 0.2 credits each.
 *
 * @param {*} plan free (basic), standard, pro, premier or ultra.
 * @return Images per month.
 * @customfunction
 */
function KLING_IMAGES(plan) {
  return KlingCost_.KLING_IMAGES.apply(null, arguments);
}

/**
 * One figure of a Kling plan.
 *
 * @param {*} plan free (basic), standard, pro, premier or ultra.
 * @param {*} field credits, price (default), cost_per_credit, cost_per_100 or year.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @return The figure: credits or USD.
 * @customfunction
 */
function KLING_PLAN(plan, field, billing) {
  return KlingCost_.KLING_PLAN.apply(null, arguments);
}

/**
 * The cheapest way to get that many credits each month (a plan, maybe with top-up packs).
 *
 * @param {*} credits_per_month Credits needed each month.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @param {*} allow_topups TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone.
 * @return The option, e.g. "Standard + 330-credit pack".
 * @customfunction
 */
function KLING_BEST_PLAN(credits_per_month, billing, allow_topups) {
  return KlingCost_.KLING_BEST_PLAN.apply(null, arguments);
}

/**
 * USD per month of the cheapest way to get that many credits each month.
 *
 * @param {*} credits_per_month Credits needed each month.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @param {*} allow_topups TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone.
 * @return USD per month.
 * @customfunction
 */
function KLING_MONTHLY_COST(credits_per_month, billing, allow_topups) {
  return KlingCost_.KLING_MONTHLY_COST.apply(null, arguments);
}

/**
 * USD for the same generation through Kling's API (official rates).
 *
 * @param {*} mode standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).
 * @param {*} secs Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.
 * @param {*} audio TRUE for native audio; FALSE or empty for none.
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return USD per generation.
 * @customfunction
 */
function KLING_API_COST(mode, secs, audio, model) {
  return KlingCost_.KLING_API_COST.apply(null, arguments);
}

/**
 * Budget of a shot list: credits with a buffer, best option and costs.
 *
 * @param {*} modes Range of modes, one row per shot.
 * @param {*} secs Range of clip lengths in seconds.
 * @param {*} audios Range of TRUE/FALSE for native audio.
 * @param {*} counts Range of videos needed per month.
 * @param {*} billing monthly (renewal, default), intro (first month), annual (yearly / 12) or list.
 * @param {*} buffer Extra credits on top of the need, e.g. 0.2 or 20% (default 0.2).
 * @param {*} model Kling model: 2.6 (default) or 3.0 (credits estimated).
 * @return A two-column table: label, value.
 * @customfunction
 */
function KLING_BUDGET(modes, secs, audios, counts, billing, buffer, model) {
  return KlingCost_.KLING_BUDGET.apply(null, arguments);
}

/**
 * The plan table of the price book, with each row's source and as-of date.
 *
 * @return A table with a header row.
 * @customfunction
 */
function KLING_PRICES() {
  return KlingCost_.KLING_PRICES.apply(null, arguments);
}

/**
 * Builds the Kling Cost menu when the spreadsheet opens.
 * @param {*} e The open event.
 */
function onOpen(e) {
  return KlingCost_.onOpen.apply(null, arguments);
}

/**
 * Builds the Kling Cost menu right after the add-on is installed.
 * @param {*} e The install event.
 */
function onInstall(e) {
  return KlingCost_.onInstall.apply(null, arguments);
}

/**
 * Shows the custom functions and their arguments.
 */
function showHelp() {
  return KlingCost_.showHelp.apply(null, arguments);
}

"use strict";var KlingCost_=(()=>{var ae=Object.defineProperty;var an=Object.getOwnPropertyDescriptor;var ln=Object.getOwnPropertyNames;var cn=Object.prototype.hasOwnProperty;var dn=(n,e)=>{for(var t in e)ae(n,t,{get:e[t],enumerable:!0})},un=(n,e,t,o)=>{if(e&&typeof e=="object"||typeof e=="function")for(let r of ln(e))!cn.call(n,r)&&r!==t&&ae(n,r,{get:()=>e[r],enumerable:!(o=an(e,r))||o.enumerable});return n};var pn=n=>un(ae({},"__esModule",{value:!0}),n);var Dn={};dn(Dn,{KLING_API_COST:()=>Qe,KLING_BEST_PLAN:()=>qe,KLING_BUDGET:()=>Ze,KLING_COST:()=>Ye,KLING_CREDITS:()=>He,KLING_IMAGES:()=>ve,KLING_MONTHLY_COST:()=>Je,KLING_PLAN:()=>We,KLING_PRICES:()=>en,KLING_VIDEOS:()=>je,onInstall:()=>nn,onOpen:()=>we,showHelp:()=>sn});var d=class extends Error{constructor(e){super(e),this.name="InputError"}},Se=40;function _e(n){if(n==null)return"blank";if(typeof n=="string"){if(n.trim()==="")return"blank";let e=n.replace(/[\u0000-\u001f\u007f]+/g," ");return`"${e.length>Se?`${e.slice(0,Se)}...`:e}"`}if(typeof n=="number")return Number.isNaN(n)?"not-a-number":n===1/0?"infinity":n===-1/0?"minus infinity":String(n);if(typeof n=="boolean")return n?"TRUE":"FALSE";if(n instanceof Date){let e=n.getTime();return Number.isNaN(e)?"an invalid date":`the date ${n.toISOString().slice(0,10)}`}return Array.isArray(n)?"a list of values":"a value of an unknown kind"}function g(n){if(n==null||n==="")return!0;if(typeof n!="string")return!1;let e=n.charCodeAt(0);return e>32&&e<127?!1:n.trim()===""}function fn(n){return n.trim().toLowerCase().replace(/[\s_-]+/g," ")}function h(n,e,t,o){throw new d(`${n} ${_e(e)} ${t}; use ${o}`)}function le(n,e){throw new d(`${n} is missing; use ${e}`)}function L(n,e){if(typeof e!="string")return;let t=fn(e);return Object.prototype.hasOwnProperty.call(n,t)?n[t]:void 0}var mn={standard:"standard",std:"standard","720p":"standard",professional:"professional",pro:"professional","1080p":"professional","4k":"4k"},Pe="standard, professional or 4k";function ce(n,e="mode"){return g(n)&&le(e,Pe),L(mn,n)??h(e,n,"is not a Kling mode",Pe)}var hn={free:"free",basic:"free",standard:"standard",pro:"pro",premier:"premier",ultra:"ultra"},Ie="free, standard, pro, premier or ultra";function D(n,e="plan"){return g(n)&&le(e,Ie),L(hn,n)??h(e,n,"is not a Kling plan",Ie)}var gn={monthly:"monthly",intro:"intro","first month":"intro",annual:"annual",yearly:"annual",list:"list"},bn="monthly, intro (first month), annual or list";function G(n,e="billing"){return g(n)?"monthly":L(gn,n)??h(e,n,"is not a billing",bn)}var yn={"2.6":"2.6",3:"3.0","3.0":"3.0"},wn="2.6 or 3.0";function de(n,e="model"){if(g(n))return"2.6";if(typeof n=="number"){if(n===2.6)return"2.6";if(n===3)return"3.0"}return L(yn,n)??h(e,n,"is not a Kling model",wn)}var Cn={true:!0,yes:!0,1:!0,false:!1,no:!1,0:!1},kn="TRUE or FALSE (also yes/no, 1/0)";function ue(n,e,t){return g(n)?t:typeof n=="boolean"?n:n===1?!0:n===0?!1:L(Cn,n)??h(e,n,"is not TRUE or FALSE",kn)}function pe(n,e="audio"){return ue(n,e,!1)}var Sn=/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i,_n=/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;function Te(n){if(typeof n=="number")return Number.isNaN(n)?void 0:n;if(typeof n!="string")return;let e=n.trim();if(Sn.test(e))return Number(e);if(_n.test(e))return Number(e.replace(/,/g,""))}function fe(n,e,t){g(n)&&le(e,t);let o=Te(n);return o===void 0&&h(e,n,"is not a number",t),Number.isFinite(o)||h(e,n,"is not a finite number",t),o}var Pn="5 or 10 (Kling 2.6 makes 5 s or 10 s clips)",In="a whole number of seconds from 3 to 15 (Kling 3.0)";function q(n,e,t="secs"){let o=e==="2.6"?Pn:In,r=fe(n,t,o);return(e==="2.6"?r===5||r===10:Number.isInteger(r)&&r>=3&&r<=15)||h(t,n,`is not a clip length Kling ${e} makes`,o),r}var xn=/^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;function Be(n){if(typeof n=="string"){let e=xn.exec(n.trim());if(e)return Number(e[1])/100}return Te(n)}var xe="a fraction from 0 up to but not including 1, such as 0.2 or 20%";function me(n,e="retake_rate"){if(g(n))return 0;let t=Be(n);return(t===void 0||!Number.isFinite(t))&&h(e,n,"is not a rate",xe),(t<0||t>=1)&&h(e,n,"is outside 0 to below 1",xe),t}var En=100,Ee="a fraction of 0 or more, such as 0.2 or 20% (at most 10000%)";function Ae(n,e="buffer"){if(g(n))return .2;let t=Be(n);return(t===void 0||!Number.isFinite(t))&&h(e,n,"is not a rate",Ee),(t<0||t>En)&&h(e,n,"is outside 0 to 10000%",Ee),t}var K=26e6,Oe="a number of credits from 0 to 26,000,000";function Ne(n,e="credits_per_month"){let t=fe(n,e,Oe);return(t<0||t>K)&&h(e,n,"is out of range",Oe),t}var On=1e6,Me="a whole number of videos per month from 0 to 1,000,000";function Re(n,e="count"){let t=fe(n,e,Me);return(!Number.isInteger(t)||t<0||t>On)&&h(e,n,"is not a whole number of videos",Me),t}var Mn={credits:"credits",price:"price","cost per credit":"cost_per_credit","cost per 100":"cost_per_100",year:"year"},Tn="credits, price, cost_per_credit, cost_per_100 or year";function Le(n,e="field"){return g(n)?"price":L(Mn,n)??h(e,n,"is not a plan field",Tn)}function k(n){return Math.round(n*100)}function $(n){return n/100}function J(n){let e=Math.round(n);return Math.abs(n-e)<=1e-9*Math.max(1,Math.abs(n))?e:n}function V(n){return Math.floor(J(n))}function Ke(n){return Math.ceil(J(n))}function $e(n,e){let t=Math.abs(n),o=Math.abs(e);for(;o;)[t,o]=[o,t%o];return t}function B(n){let[e,t]=String(n).split("."),o=(e??"").replace(/\B(?=(\d{3})+(?!\d))/g,",");return t===void 0?o:`${o}.${t}`}var Q={source:"kling.ai/llms.txt (kling.ai/app/membership/membership-plan); the guide agrees",asOf:"2026-08-12",confidence:"official"},A={source:"kling.ai/llms.txt (credit top-up packs, one-time, valid 2 years)",asOf:"2026-08-12",confidence:"official"},S={source:"kling.ai/dev/pricing (via kling.ai/llms.txt)",asOf:"2026-05-29",confidence:"official"},N={source:"Kling AI Pricing 2026 guide (Kling 2.6 settings)",asOf:"2026-08-12",confidence:"guide"},F={source:"Estimate: reported 6/12/30 credits/s match the official API at $0.014 per credit",asOf:"2026-08-12",confidence:"estimate"},he={asOf:"2026-08-12",plans:[{id:"free",name:"Free",monthlyCredits:1980,dailyCredits:66,firstMonth:0,renewal:0,list:0,yearly:0,source:"Kling AI Pricing 2026 guide (66 credits a day, not carried over; Basic plan)",asOf:"2026-08-12",confidence:"guide"},{id:"standard",name:"Standard",monthlyCredits:660,dailyCredits:null,firstMonth:6.99,renewal:8.8,list:10,yearly:79.2,...Q},{id:"pro",name:"Pro",monthlyCredits:3e3,dailyCredits:null,firstMonth:25.99,renewal:32.56,list:37,yearly:293.04,...Q},{id:"premier",name:"Premier",monthlyCredits:8e3,dailyCredits:null,firstMonth:64.99,renewal:80.96,list:92,yearly:728.64,...Q},{id:"ultra",name:"Ultra",monthlyCredits:26e3,dailyCredits:null,firstMonth:127.99,renewal:159.99,list:180,yearly:1429.99,...Q}],packs:[{price:5,credits:330,bonus:0,...A},{price:10,credits:660,bonus:0,...A},{price:20,credits:1320,bonus:0,...A},{price:50,credits:3300,bonus:200,...A},{price:100,credits:6600,bonus:900,...A},{price:200,credits:13200,bonus:2800,...A},{price:600,credits:39600,bonus:8400,...A},{price:1200,credits:79200,bonus:16800,...A}],clipCredits26:[{mode:"standard",audio:!1,secs:5,credits:10,...N},{mode:"standard",audio:!1,secs:10,credits:20,...N},{mode:"professional",audio:!1,secs:5,credits:35,...N},{mode:"professional",audio:!1,secs:10,credits:70,...N},{mode:"standard",audio:!0,secs:5,credits:50,...N},{mode:"standard",audio:!0,secs:10,credits:100,...N},{mode:"professional",audio:!0,secs:5,credits:100,...N,source:'Kling AI Pricing 2026 guide ("~100")'},{mode:"professional",audio:!0,secs:10,credits:200,...N,source:'Kling AI Pricing 2026 guide ("~200")'}],secondCredits30:[{mode:"standard",audio:!1,creditsPerSecond:6,...F},{mode:"standard",audio:!0,creditsPerSecond:9,...F},{mode:"professional",audio:!1,creditsPerSecond:8,...F},{mode:"professional",audio:!0,creditsPerSecond:12,...F},{mode:"4k",audio:!1,creditsPerSecond:30,...F},{mode:"4k",audio:!0,creditsPerSecond:30,...F}],images:{creditsPerImage:.2,source:'Kling AI Pricing 2026 guide ("3,300 images per 660 credits")',asOf:"2026-08-12",confidence:"guide"},apiClip26:[{mode:"standard",audio:!1,secs:5,usd:.21,...S},{mode:"standard",audio:!1,secs:10,usd:.42,...S},{mode:"professional",audio:!1,secs:5,usd:.35,...S},{mode:"professional",audio:!1,secs:10,usd:.7,...S},{mode:"professional",audio:!0,secs:5,usd:.7,...S,source:"kling.ai/dev/pricing (pro with audio, without voice control; with voice control $0.84)"},{mode:"professional",audio:!0,secs:10,usd:1.4,...S,source:"kling.ai/dev/pricing (pro with audio, without voice control; with voice control $1.68)"}],apiSecond30:[{mode:"standard",audio:!1,usdPerSecond:.084,...S},{mode:"standard",audio:!0,usdPerSecond:.126,...S},{mode:"professional",audio:!1,usdPerSecond:.112,...S},{mode:"professional",audio:!0,usdPerSecond:.168,...S},{mode:"4k",audio:!1,usdPerSecond:.42,...S},{mode:"4k",audio:!0,usdPerSecond:.42,...S}]};var Bn=2e6,Z=class{constructor(e){this.packs=e;this.costs=new Float64Array(1);this.credits=new Float64Array(1);this.counts=new Float64Array(1);this.choice=new Int16Array(1).fill(-1);this.built=0;this.periodicFrom=1/0;this.totals=e.map(r=>r.credits+r.bonus),this.cents=e.map(r=>k(r.price)),this.step=this.totals.reduce((r,s)=>$e(r,s),0)||1;let t=this.totals.map(r=>r/this.step);this.widest=Math.max(0,...t);let o=-1;t.forEach((r,s)=>{if(o<0){o=s;return}let a=this.cents[s]*t[o]-this.cents[o]*r;(a<0||a===0&&r>t[o])&&(o=s)}),this.bulk=o}get hasPacks(){return this.packs.length>0}coverFor(e){if(!this.hasPacks)throw new d("the price book has no top-up packs");let t=Math.ceil(e/this.step-1e-9);if(t<=0)return{cents:0,credits:0,packs:[]};let o=0,r=t;if(this.ensurePeriod(t),t>this.built){let i=this.totals[this.bulk]/this.step;o=Math.ceil((t-this.built)/i),r=t-o*i}let s=[];for(let i=0;i<o;i++)s.push(this.packs[this.bulk]);for(let i=r;i>0;){let l=this.choice[i];s.push(this.packs[l]),i-=this.totals[l]/this.step}s.sort((i,l)=>l.credits+l.bonus-(i.credits+i.bonus));let a=this.packs[this.bulk];return{cents:this.costs[Math.max(r,0)]+o*k(a.price),credits:this.credits[Math.max(r,0)]+o*(a.credits+a.bonus),packs:s}}ensurePeriod(e){for(;this.built<e&&this.periodicFrom===1/0;){let t=Math.min(Math.max(this.built*2,4*this.widest,64),e);if(t>Bn)throw new d("the top-up packs of this price book are too irregular to plan that many credits");this.grow(t),this.checkPeriod()}}grow(e){let t=new Float64Array(e+1),o=new Float64Array(e+1),r=new Float64Array(e+1),s=new Int16Array(e+1).fill(-1);t.set(this.costs),o.set(this.credits),r.set(this.counts),s.set(this.choice);let a=this.totals.map(i=>i/this.step);for(let i=this.built+1;i<=e;i++){let l=1/0,y=0,C=0,I=-1;for(let P=0;P<a.length;P++){let O=Math.max(0,i-a[P]),x=t[O]+this.cents[P],M=o[O]+this.totals[P],u=r[O]+1;(x<l||x===l&&(M>y||M===y&&u<C))&&(l=x,y=M,C=u,I=P)}t[i]=l,o[i]=y,r[i]=C,s[i]=I}this.costs=t,this.credits=o,this.counts=r,this.choice=s,this.built=e}checkPeriod(){let e=this.totals[this.bulk]/this.step,t=this.built;if(t<e+this.widest+1)return;let o=this.cents[this.bulk],r=this.totals[this.bulk];for(let s=t-this.widest+1;s<=t;s++)if(this.costs[s]!==this.costs[s-e]+o||this.credits[s]!==this.credits[s-e]+r||this.counts[s]!==this.counts[s-e]+1)return;this.periodicFrom=t}};var U=30,H='mode "4k" is only offered by Kling 3.0; use standard or professional with Kling 2.6, or model 3.0',An={monthly:"monthly renewal",intro:"first month",annual:"annual billing",list:"list price"};function ge(n){return An[n]}var Y=class{constructor(e){this.book=e;this.plansById=new Map;this.bestCache=new Map;for(let t of e.plans)this.plansById.set(t.id,t);this.packSolver=new Z(e.packs)}plan(e){let t=this.plansById.get(e);if(!t)throw new d(`plan "${e}" is not in the price book`);return t}paidPlans(){return this.book.plans.filter(e=>e.dailyCredits===null).sort((e,t)=>e.monthlyCredits-t.monthlyCredits)}clipCredits(e){let{mode:t,secs:o,audio:r,model:s}=e;if(s==="2.6"){if(t==="4k")throw new d(H);let i=this.book.clipCredits26.find(l=>l.mode===t&&l.audio===r&&l.secs===o);if(!i)throw new d(`the price book has no Kling 2.6 credits for ${t} ${o} s${r?" with audio":""}`);return i.credits}let a=this.book.secondCredits30.find(i=>i.mode===t&&i.audio===r);if(!a)throw new d(`the price book has no Kling 3.0 credits for ${t}${r?" with audio":""}`);return J(a.creditsPerSecond*o)}planCredits(e){return e.dailyCredits===null?e.monthlyCredits:e.dailyCredits*U}planPrice(e,t){switch(t){case"intro":return e.firstMonth;case"annual":return k(e.yearly)/1200;case"list":return e.list;default:return e.renewal}}planYear(e,t){switch(t){case"intro":return $(k(e.firstMonth)+11*k(e.renewal));case"annual":return e.yearly;case"list":return $(12*k(e.list));default:return $(12*k(e.renewal))}}planFigure(e,t,o){let r=this.planCredits(e);switch(t){case"credits":return r;case"cost_per_credit":return r>0?this.planPrice(e,o)/r:0;case"cost_per_100":return r>0?this.planPrice(e,o)*100/r:0;case"year":return this.planYear(e,o);default:return this.planPrice(e,o)}}costPerVideo(e,t,o,r){let s=this.plan(t),a=this.clipCredits(e);if(s.dailyCredits!==null){if(a>s.dailyCredits)throw new d(`this clip costs ${B(a)} credits, more than the ${s.dailyCredits} credits the free plan gives per day; choose a paid plan`);return 0}let i=this.planPrice(s,o)/s.monthlyCredits;return a*i/(1-r)}videosPerMonth(e,t,o){let r=this.plan(t),s=this.clipCredits(e);return r.dailyCredits!==null?s>r.dailyCredits?0:V(V(r.dailyCredits/s)*U*(1-o)):V(V(r.monthlyCredits/s)*(1-o))}imagesPerMonth(e){let t=this.plan(e),o=Math.round(this.book.images.creditsPerImage*1e3);if(o<=0)throw new d("the price book gives images no credit cost");return t.dailyCredits!==null?Math.floor(Math.round(t.dailyCredits*1e3)/o)*U:Math.floor(Math.round(t.monthlyCredits*1e3)/o)}apiCost(e){let{mode:t,secs:o,audio:r,model:s}=e;if(s==="2.6"){if(t==="4k")throw new d(H);let i=this.book.apiClip26.find(l=>l.mode===t&&l.audio===r&&l.secs===o);if(!i)throw new d(`Kling's API offers no ${t} ${o} s clip${r?" with audio":""} for Kling 2.6${r&&t==="standard"?"; use professional with audio, or audio FALSE":""}`);return i.usd}let a=this.book.apiSecond30.find(i=>i.mode===t&&i.audio===r);if(!a)throw new d(`Kling's API offers no Kling 3.0 ${t} clip${r?" with audio":""}`);return Math.round(a.usdPerSecond*1e6)*o/1e6}options(e,t,o){let r=[];for(let s of this.paidPlans()){let a=e-s.monthlyCredits;if(a<=0)r.push(this.option(s,[],0,0,t));else if(o&&this.packSolver.hasPacks){let i=this.packSolver.coverFor(a);r.push(this.option(s,i.packs,i.cents,i.credits,t))}}return r.sort(Rn)}bestOption(e,t,o){if(!(e>=0&&e<=K))throw new d(`credits_per_month must be from 0 to ${B(K)}`);let r=`${e}|${t}|${o}`,s=this.bestCache.get(r);if(s)return s;let a;if(e===0){let i=this.book.plans.find(l=>l.dailyCredits!==null)??this.paidPlans()[0];i&&(a=this.option(i,[],0,0,t))}else a=this.options(e,t,o)[0];if(!a){let i=this.paidPlans(),l=i[i.length-1];throw new d(l?`no plan alone covers ${B(e)} credits a month (${l.name} has ${B(l.monthlyCredits)}); allow top-up packs (allow_topups TRUE) or plan fewer credits`:"the price book has no paid plan")}return this.bestCache.size>1e4&&this.bestCache.clear(),this.bestCache.set(r,a),a}budget(e,t,o){let r=0,s=0;for(let l of e)r+=this.clipCredits(l)*l.count,s+=l.count;let a=Ke(r*(1+o));if(a>K)throw new d(`this shot list needs ${B(a)} credits a month with the buffer, more than the ${B(K)} the add-on plans for`);let i=this.bestOption(a,t,!0);return{videos:s,credits:r,buffer:o,creditsWithBuffer:a,best:i,costPerVideo:s>0?i.monthlyCost/s:null}}option(e,t,o,r,s){let a=s==="annual"?(k(e.yearly)+12*o)/1200:$(k(this.planPrice(e,s))+o),i=$(k(this.planYear(e,s))+12*o),l=[e.name,...Nn(t)].join(" + ");return{plan:e,packs:t,credits:this.planCredits(e)+r,monthlyCost:a,yearCost:i,label:l}}};function Nn(n){let e=new Map;for(let t of n){let o=t.credits+t.bonus;e.set(o,(e.get(o)??0)+1)}return[...e].sort(([t],[o])=>o-t).map(([t,o])=>`${o>1?`${o} x `:""}${B(t)}-credit pack`)}function Rn(n,e){let t=n.monthlyCost-e.monthlyCost;return Math.abs(t)>1e-9?t:n.credits!==e.credits?e.credits-n.credits:n.packs.length-e.packs.length}var Fe=["Plan","Credits per month","Credits per day","First month (USD)","Monthly renewal (USD)","List monthly (USD)","Yearly (USD)","Yearly per month (USD)","Confidence","Source","As of"];function be(n){let e=[[...Fe]];for(let t of n.plans){let o=t.dailyCredits!==null;e.push([t.name,o?t.dailyCredits*U:t.monthlyCredits,o?t.dailyCredits:"",t.firstMonth,t.renewal,t.list,t.yearly,Math.round(t.yearly*100)/1200,t.confidence,t.source,t.asOf])}return e}var Ln=["Videos per month","Credits for delivered videos","Buffer","Credits with buffer","Best option","Monthly cost (USD)","Cost per delivered video (USD)","12-month cost (USD)","Billing","Model"];function Ue(n,e,t){let o=[n.videos,n.credits,n.buffer,n.creditsWithBuffer,n.best.label,n.best.monthlyCost,n.costPerVideo??"",n.best.yearCost,ge(e),t==="3.0"?"Kling 3.0 (credits are an estimate)":"Kling 2.6"];return Ln.map((r,s)=>[r,o[s]])}var ee=Array.isArray,Kn=Number.isFinite;function De(n){return`${n.rows} ${n.rows===1?"row":"rows"} x ${n.cols} ${n.cols===1?"column":"columns"}`}function ne(n,e){if(!ee(n))return{single:n};if(n.length===0)throw new d(`${e} is an empty range; give at least one cell`);let t=n;if(!ee(n[0])){if(n.some(r=>ee(r)))throw new d(`${e} is not a rectangular range (it mixes cells and rows)`);t=[n]}let o=t[0].length;if(o===0)throw new d(`${e} is an empty range; give at least one cell`);for(let r=0;r<t.length;r++){let s=t[r];if(!ee(s)||s.length!==o)throw new d(`${e} is not a rectangular range (its rows have different lengths)`)}return t.length===1&&o===1?{single:t[0][0]}:{grid:{rows:t.length,cols:o,cells:t}}}function Ve(n){return n instanceof d?n.message:"Kling Cost could not compute this; check the inputs"}function j(n){throw new Error(Ve(n))}function Ge(n){if(typeof n=="number"&&!Kn(n))throw new d("the result is too large to compute; use smaller numbers");return n}function $n(n,e,t){return g(n)||n===!1&&t.falseIsBlank!==void 0&&t.falseIsBlank.includes(e)}function E(n,e,t){let o=[],r=[];try{e.names.forEach((c,f)=>{let p=ne(n[f],c);o.push(p.single),p.grid&&r.push({index:f,grid:p.grid})})}catch(c){j(c)}if(r.length===0){if(o.every((c,f)=>$n(c,f,e)))return"";try{return Ge(t(o))}catch(c){j(c)}}let s=r[0];for(let c of r)if(c.grid.rows!==s.grid.rows||c.grid.cols!==s.grid.cols)throw new Error(`ranges of different shapes: ${e.names[s.index]} is ${De(s.grid)}, ${e.names[c.index]} is ${De(c.grid)}; give ranges of the same size`);let{rows:a,cols:i}=s.grid,l=new Map,y=0,C=r.length,I=r.map(c=>c.index),P=r.map(c=>c.grid.cells),O=I.map(c=>e.falseIsBlank?.includes(c)??!1),x=(c,f,p)=>P[c][f][p],M=(c,f)=>{let p=!0;for(let w=0;w<C;w++){let T=x(w,c,f);o[I[w]]=T,p&&!(g(T)||T===!1&&O[w])&&(p=!1)}if(p)return"";try{return Ge(t(o))}catch(w){return`ERROR: ${Ve(w)}`}},u=(c,f)=>{let p=l;for(let R=0;R<C-1;R++){let ke=x(R,c,f),z=p.get(ke);z===void 0&&(z=new Map,p.set(ke,z)),p=z}let w=x(C-1,c,f),T=p.get(w);if(T!==void 0)return T;let X=M(c,f);return y<1e4&&(p.set(w,X),y++),X},m=[];for(let c=0;c<a;c++){if(i===1){m.push([u(c,0)]);continue}let f=[];for(let p=0;p<i;p++)f.push(u(c,p));m.push(f)}return m}function b(n){let e=new Map;return t=>{let o=e.get(t);if(o===void 0){try{o={ok:n(t)}}catch(r){o={error:r}}e.size<1e4&&e.set(t,o)}if("error"in o)throw o.error;return o.ok}}var _=new Y(he);function te(){let n=b(s=>de(s)),e=b(s=>ce(s)),t=b(s=>pe(s)),o=b(s=>q(s,"2.6")),r=b(s=>q(s,"3.0"));return(s,a,i,l)=>{let y=n(l),C=e(s);if(C==="4k"&&y==="2.6")throw new d(H);return{mode:C,secs:y==="2.6"?o(a):r(a),audio:t(i),model:y}}}function He(...n){let e=te();return E(n,{names:["mode","secs","audio","model"],falseIsBlank:[2]},t=>_.clipCredits(e(t[0],t[1],t[2],t[3])))}function Ye(...n){let e=te(),t=b(s=>D(s)),o=b(s=>G(s)),r=b(s=>me(s));return E(n,{names:["mode","secs","audio","plan","billing","retake_rate","model"],falseIsBlank:[2]},s=>{let a=e(s[0],s[1],s[2],s[6]);return _.costPerVideo(a,t(s[3]),o(s[4]),r(s[5]))})}function je(...n){let e=te(),t=b(r=>D(r)),o=b(r=>me(r));return E(n,{names:["plan","mode","secs","audio","retake_rate","model"],falseIsBlank:[3]},r=>{let s=t(r[0]);return _.videosPerMonth(e(r[1],r[2],r[3],r[5]),s,o(r[4]))})}function ve(...n){let e=b(t=>D(t));return E(n,{names:["plan"]},t=>_.imagesPerMonth(e(t[0])))}function We(...n){let e=b(r=>D(r)),t=b(r=>Le(r)),o=b(r=>G(r));return E(n,{names:["plan","field","billing"]},r=>_.planFigure(_.plan(e(r[0])),t(r[1]),o(r[2])))}function Xe(n){let e=Ne(n[0]);return _.bestOption(e,G(n[1]),ue(n[2],"allow_topups",!0))}var ze={names:["credits_per_month","billing","allow_topups"]};function qe(...n){return E(n,ze,e=>Xe(e).label)}function Je(...n){return E(n,ze,e=>Xe(e).monthlyCost)}function Qe(...n){let e=te();return E(n,{names:["mode","secs","audio","model"],falseIsBlank:[2]},t=>_.apiCost(e(t[0],t[1],t[2],t[3])))}var ye=["modes","secs","audios","counts"];function Ze(...n){try{let[,,,,e,t,o]=n,r=ye.map((u,m)=>ne(n[m],u)),s={billing:e,buffer:t,model:o},a={};for(let[u,m]of Object.entries(s)){let c=ne(m,u);if(c.grid)throw new d(`${u} must be a single value, not a range`);a[u]=c.single}let i=r.filter(u=>u.grid);if(i.length===0&&[...r.map(u=>u.single),...Object.values(a)].every((u,m)=>g(u)||m===2&&u===!1))return"";let l=i[0]?.grid;r.forEach((u,m)=>{if(u.grid&&l&&(u.grid.rows!==l.rows||u.grid.cols!==l.cols))throw new d(`${ye[m]} has ${u.grid.rows} x ${u.grid.cols} cells but ${ye[r.indexOf(i[0])]} has ${l.rows} x ${l.cols}; give the shot list as ranges of the same rows`)});let y=G(a.billing),C=Ae(a.buffer),I=de(a.model),P=l?l.rows:1,O=l?l.cols:1,x=(u,m,c)=>{let f=r[u];return f.grid?f.grid.cells[m][c]:f.single},M=[];for(let u=0;u<P;u++)for(let m=0;m<O;m++){let c=[0,1,2,3].map(p=>x(p,u,m));if(c.every((p,w)=>g(p)||w===2&&p===!1))continue;let f=O>1?`row ${u+1}, column ${m+1}`:`row ${u+1}`;try{let p=ce(c[0],"mode"),w=q(c[1],I,"secs"),T=pe(c[2],"audio"),X=Re(c[3],"count"),R={mode:p,secs:w,audio:T,model:I,count:X};_.clipCredits(R),M.push(R)}catch(p){throw p instanceof d?new d(`${f}: ${p.message}`):p}}return Ue(_.budget(M,y,C),y,I)}catch(e){j(e)}}function en(){try{return be(_.book)}catch(n){j(n)}}function we(n){SpreadsheetApp.getUi().createAddonMenu().addItem("Help","showHelp").addToUi()}function nn(n){we(n)}var re=["mode","standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only)."],oe=["secs","Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0."],se=["audio","TRUE for native audio; FALSE or empty for none."],v=["model","Kling model: 2.6 (default) or 3.0 (credits estimated)."],ie=["plan","free (basic), standard, pro, premier or ultra."],W=["billing","monthly (renewal, default), intro (first month), annual (yearly / 12) or list."],tn=["retake_rate","Share of paid generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0)."],rn=["credits_per_month","Credits needed each month."],on=["allow_topups","TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone."],Ce={KLING_CREDITS:{description:"Credits one Kling generation costs.",params:[re,oe,se,v],returns:"Credits per generation.",customFunction:!0},KLING_COST:{description:"USD per delivered video on a plan, retakes included.",params:[re,oe,se,ie,W,tn,v],returns:"USD per delivered video.",customFunction:!0},KLING_VIDEOS:{description:"Whole videos a plan delivers per month, retakes included.",params:[ie,re,oe,se,tn,v],returns:"Videos per month.",customFunction:!0},KLING_IMAGES:{description:"Whole images a plan's monthly credits make at 0.2 credits each.",params:[ie],returns:"Images per month.",customFunction:!0},KLING_PLAN:{description:"One figure of a Kling plan.",params:[ie,["field","credits, price (default), cost_per_credit, cost_per_100 or year."],W],returns:"The figure: credits or USD.",customFunction:!0},KLING_BEST_PLAN:{description:"The cheapest way to get that many credits each month (a plan, maybe with top-up packs).",params:[rn,W,on],returns:'The option, e.g. "Standard + 330-credit pack".',customFunction:!0},KLING_MONTHLY_COST:{description:"USD per month of the cheapest way to get that many credits each month.",params:[rn,W,on],returns:"USD per month.",customFunction:!0},KLING_API_COST:{description:"USD for the same generation through Kling's API (official rates).",params:[re,oe,se,v],returns:"USD per generation.",customFunction:!0},KLING_BUDGET:{description:"Budget of a shot list: credits with a buffer, best option and costs.",params:[["modes","Range of modes, one row per shot."],["secs","Range of clip lengths in seconds."],["audios","Range of TRUE/FALSE for native audio."],["counts","Range of videos needed per month."],W,["buffer","Extra credits on top of the need, e.g. 0.2 or 20% (default 0.2)."],v],returns:"A two-column table: label, value.",customFunction:!0},KLING_PRICES:{description:"The plan table of the price book, with each row's source and as-of date.",params:[],returns:"A table with a header row.",customFunction:!0}},Fn={onOpen:{description:"Builds the Kling Cost menu when the spreadsheet opens.",params:[["e","The open event."]]},onInstall:{description:"Builds the Kling Cost menu right after the add-on is installed.",params:[["e","The install event."]]},showHelp:{description:"Shows the custom functions and their arguments.",params:[]}},Ct={...Ce,...Fn};function Un(){return`Kling Cost: what Kling AI video generation really costs.

${Object.entries(Ce).map(([e,t])=>`=${e}(${t.params.map(([o])=>o).join(", ")})
  ${t.description}`).join(`
`)}`}function sn(){let n=SpreadsheetApp.getUi();n.alert("Kling Cost help",Un(),n.ButtonSet.OK)}return pn(Dn);})();
